<?php
/**
 * Posts on a real phpBB 3.3 board through its own submit_post()
 * (includes/functions_posting.php), as the board's seed.php does, so that a
 * test posts as a resident without flood control or form tokens.
 *
 * Usage: php post.php BOARD_DIR < posts.jsonl
 * Each line: {"as":"resident"} or {"guest":"Visitor Name"}, and either
 * "topic_id":N (a reply) or "forum_id":N with "subject" (a new topic), and
 * "message" (BBCode). Prints one line per post: {"post_id":N,"topic_id":N}.
 */
$board = realpath($argv[1]);
require(__DIR__ . '/bootstrap.php');
require($phpbb_root_path . 'includes/functions_posting.' . $phpEx);
$session = $user->data;

while (($line = fgets(STDIN)) !== false) {
	$p = json_decode($line, true);
	if (!is_array($p)) { fwrite(STDERR, "not JSON: $line"); exit(2); }
	$guest = isset($p['guest']);
	$sql = 'SELECT * FROM ' . USERS_TABLE . ' WHERE ' . ($guest ? 'user_id = ' . ANONYMOUS
		: "username_clean = '" . $db->sql_escape(utf8_clean_string($p['as'])) . "'");
	$result = $db->sql_query($sql);
	$poster = $db->sql_fetchrow($result);
	$db->sql_freeresult($result);
	if (!$poster) { fwrite(STDERR, "no such user {$p['as']}\n"); exit(2); }
	// submit_post() stores post_username only for a guest (is_registered false).
	$user->data = array_merge($session, $poster, ['is_registered' => !$guest]);
	$auth->acl($user->data);

	$message = $p['message'];
	$uid = $bitfield = '';
	$flags = 0;
	generate_text_for_storage($message, $uid, $bitfield, $flags, true, true, true);
	$reply = isset($p['topic_id']);
	$forum_id = (int) ($p['forum_id'] ?? 2);
	if ($reply) {
		$result = $db->sql_query('SELECT forum_id, topic_title FROM ' . TOPICS_TABLE . ' WHERE topic_id = ' . (int) $p['topic_id']);
		$topic = $db->sql_fetchrow($result);
		$db->sql_freeresult($result);
		$forum_id = (int) $topic['forum_id'];
	}
	$subject = $reply ? 'Re: ' . $topic['topic_title'] : $p['subject'];
	$data = [
		'forum_id' => $forum_id, 'topic_id' => $reply ? (int) $p['topic_id'] : 0, 'icon_id' => 0,
		'enable_bbcode' => true, 'enable_smilies' => true, 'enable_urls' => true, 'enable_sig' => true,
		'message' => $message, 'message_md5' => md5($message), 'bbcode_bitfield' => $bitfield,
		'bbcode_uid' => $uid, 'post_edit_locked' => 0, 'topic_title' => $subject, 'notify_set' => false,
		'notify' => false, 'post_time' => 0, 'forum_name' => '', 'enable_indexing' => true,
		'force_approved_state' => ITEM_APPROVED, 'force_visibility' => ITEM_APPROVED,
	];
	$poll = [];
	submit_post($reply ? 'reply' : 'post', $subject, $guest ? $p['guest'] : $poster['username'], POST_NORMAL, $poll, $data);
	echo json_encode(['post_id' => (int) $data['post_id'], 'topic_id' => (int) $data['topic_id']]), "\n";
}
$cache->purge();
