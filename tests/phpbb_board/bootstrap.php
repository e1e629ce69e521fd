<?php
/**
 * Loads a phpBB 3.3 board from the command line, as the board folder's seed.php
 * does: common.php with a loopback request, a guest session, the board's language.
 * The caller sets $board (the board's folder) and requires this file at top level;
 * it then has phpBB's globals ($db, $user, $auth, $cache, $phpbb_container...).
 */
if (PHP_SAPI !== 'cli') { exit(1); }

define('IN_PHPBB', true);
$phpbb_root_path = $board . '/';
$phpEx = 'php';
$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/' . basename($_SERVER['SCRIPT_NAME']);
chdir($board);
require($phpbb_root_path . 'common.' . $phpEx);

$user->session_begin();
$auth->acl($user->data);
$user->setup();
