// Contact channels: the ways a post tells readers to reach its author off the
// forum, however they are written.
//
// An advertisement or a scam needs one: a phone number ("514 555 0127",
// "(438)555-0127", "five one four, five five five…", "quatre trois huit…"), an SMS
// short code ("text WIN to 80086"), an e-mail address (also "name at gmail dot
// com"), or a handle on a messaging or social app ("Insta @shop_mtl", "WhatsApp
// +1 514…"). A forum mention ("@snowbird_harry") is not one: a handle counts only
// next to the name of an app.
#ifndef MODBOT_POLICY_CONTACT_CHANNEL_H_
#define MODBOT_POLICY_CONTACT_CHANNEL_H_

#include <string>
#include <string_view>
#include <vector>

namespace modbot {

// The contact channels in folded text (normalizer.h), as written, in order found.
// The City's own numbers (311, 514-485-xxxx) are public services, not channels.
std::vector<std::string> FindContactChannels(std::string_view folded);

}  // namespace modbot

#endif  // MODBOT_POLICY_CONTACT_CHANNEL_H_
