<?php
/**
 * Adds a member with exactly the permissions modbot needs on a phpBB 3.3 board
 * (README, "phpBB": the least-permission account), through phpBB's own
 * user_add() (includes/functions_user.php) and auth_admin::acl_set()
 * (includes/acp/auth.php), as the ACP's "Users' permissions" page would.
 *
 * Usage: php least_permission.php BOARD_DIR USERNAME PASSWORD
 * Prints {"user_id":N}.
 *
 * The member is in REGISTERED only (reading, reporting and private messages come
 * from the installer's ROLE_FORUM_STANDARD and ROLE_USER_STANDARD) and gets, in
 * every forum that takes posts, m_ with m_softdelete, m_approve and m_report,
 * and on the board u_ignoreflood. No m_delete: mcp_main.php then soft-deletes
 * whatever the form says.
 */
$board = realpath($argv[1]);
require(__DIR__ . '/bootstrap.php');
require($phpbb_root_path . 'includes/functions_user.' . $phpEx);
require($phpbb_root_path . 'includes/acp/auth.' . $phpEx);

$result = $db->sql_query('SELECT group_id FROM ' . GROUPS_TABLE . " WHERE group_name = 'REGISTERED'");
$registered = (int) $db->sql_fetchfield('group_id');
$db->sql_freeresult($result);
$result = $db->sql_query('SELECT config_value FROM ' . CONFIG_TABLE . " WHERE config_name = 'default_lang'");
$lang = $db->sql_fetchfield('config_value');
$db->sql_freeresult($result);

$user_id = user_add([
	'username' => $argv[2],
	'user_password' => $phpbb_container->get('passwords.manager')->hash($argv[3]),
	'user_email' => 'least@example.org',
	'group_id' => $registered,
	'user_type' => USER_NORMAL,
	'user_lang' => $lang,
	'user_timezone' => 'UTC',
	'user_regdate' => time() - 86400,
]);

$forums = [];
$result = $db->sql_query('SELECT forum_id FROM ' . FORUMS_TABLE . ' WHERE forum_type = ' . FORUM_POST);
while ($row = $db->sql_fetchrow($result)) { $forums[] = (int) $row['forum_id']; }
$db->sql_freeresult($result);

$auth_admin = new auth_admin();
$auth_admin->acl_set('user', $forums, [$user_id],
	['m_' => ACL_YES, 'm_softdelete' => ACL_YES, 'm_approve' => ACL_YES, 'm_report' => ACL_YES]);
$auth_admin->acl_set('user', 0, [$user_id], ['u_ignoreflood' => ACL_YES]);
$cache->purge();
echo json_encode(['user_id' => (int) $user_id]), "\n";
