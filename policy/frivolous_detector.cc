// Principle 13: frivolous, one-word posts, or animated images (GIFs).
#include <algorithm>

#include "policy/detector.h"

namespace modbot {
namespace {

bool ReplyToQuestion(const Post& post) {
  return post.reply_to && post.reply_to->find('?') != std::string::npos;
}

// Whether the author's words are nothing but reaction words ("lol", "same", "+1").
bool OnlyReactionWords(const PostView& view) {
  const std::vector<std::string>& hits = view.own_hits.Of("frivolous_words");
  if (hits.empty()) return false;
  std::string rest = view.own.skeleton;
  for (const std::string& hit : hits) {
    std::string needle = Normalize(hit).skeleton;  // " lol "
    if (needle.size() < 3) continue;
    for (size_t at = rest.find(needle); at != std::string::npos; at = rest.find(needle)) {
      rest = rest.substr(0, at) + " " + rest.substr(at + needle.size());
    }
  }
  return rest.find_first_not_of(' ') == std::string::npos;
}

}  // namespace

void DetectFrivolous(const PostView& view, Reasons* reasons) {
  const PostBody& body = view.post.body;
  std::vector<std::string> gifs;
  for (const Image& image : body.images) {
    if (image.animated) gifs.push_back(image.src);
  }
  const Clause frivolous = Clause::kFrivolous;
  bool empty_words = view.word_count == 0;
  bool one_word = view.word_count == 1;
  std::string word = one_word ? std::string(view.own.skeleton.substr(1, view.own.skeleton.size() - 2)) : "";

  if (!gifs.empty()) {
    // A GIF with nothing (or one word) around it is the post; a GIF in a real post is
    // for a human to weigh.
    bool bare = empty_words || one_word;
    reasons->push_back({frivolous, bare ? "frivolous.gif_only" : "frivolous.gif",
                        bare ? 0.95 : 0.6, JoinEvidence(gifs)});
  }
  if (one_word && view.own_hits.Has("frivolous_words")) {
    // "Same" or "ok" answering a question may be an answer: a human decides.
    reasons->push_back({frivolous, "frivolous.one_word", ReplyToQuestion(view.post) ? 0.6 : 0.9,
                        word});
  } else if (one_word && gifs.empty() && !ReplyToQuestion(view.post) && body.links.empty()) {
    // "Monday." answering a question is an answer; a lone word otherwise is not.
    reasons->push_back({frivolous, "frivolous.one_word", 0.6, word});
  } else if (view.word_count >= 2 && view.word_count <= 4 && gifs.empty() && body.links.empty() &&
             OnlyReactionWords(view)) {
    // "lol same", "haha +1", "mdr pareil": a reaction spread over a few words.
    reasons->push_back({frivolous, "frivolous.reaction_only", ReplyToQuestion(view.post) ? 0.6 : 0.9,
                        JoinEvidence(view.own_hits.Of("frivolous_words"))});
  } else if (empty_words && gifs.empty() && body.links.empty() && body.images.empty() &&
             !body.own_text.empty() &&
             std::any_of(body.own_text.begin(), body.own_text.end(),
                         [](char c) { return c != ' ' && c != '\n'; })) {
    // Emoji or punctuation alone ("🤣🤣", "!!!") is a reaction like "lol"; answering a
    // question ("👍") it may be the answer.
    reasons->push_back({frivolous, "frivolous.no_words", ReplyToQuestion(view.post) ? 0.6 : 0.9,
                        body.own_text.substr(0, 40)});
  }
}

}  // namespace modbot
