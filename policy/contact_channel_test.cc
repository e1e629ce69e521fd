#include "policy/contact_channel.h"

#include <catch2/catch.hpp>

#include "policy/normalizer.h"

namespace modbot {
namespace {

std::vector<std::string> ChannelsIn(std::string_view text) {
  return FindContactChannels(Normalize(text).folded);
}

TEST_CASE("FindContactChannels: phone numbers however they are written", "[policy]") {
  for (const char* text : {
           "Appelle-moi au 438 555 0127 pour les détails",
           "call (514)555-0199 anytime",
           "text 1-514-555-0142",
           "joignez-nous au 514.555.0173 après 17 h",
           "WhatsApp only: +1 438 555 0190",
           "contactez-la au 06 12 34 56 78",
           "écrivez au +33 6 12 34 56 78",
           "contact him at +2348012345678",
           "call +44 7911 123456",
           "call free on 0800 123 4567 today",
           "my number is five one four, five five five, zero one two seven",
           "textez-moi : quatre trois huit cinq cinq cinq zéro un deux sept",
           "reach me at 514 five five five 0127",
       }) {
    INFO(text);
    CHECK(ChannelsIn(text).size() == 1);
  }
}

TEST_CASE("FindContactChannels: other channels", "[policy]") {
  for (const char* text : {
           "Txt WIN to 80086 now",
           "Textez OUI au 55123",
           "write to bestdeals@gmail.com",
           "écrivez à mario.renos at hotmail dot com",
           "Suivez-nous sur Insta @legrosbagel_mtl",
           "add me on telegram: @fast_cash_22",
       }) {
    INFO(text);
    CHECK(ChannelsIn(text).size() == 1);
  }
}

TEST_CASE("FindContactChannels: numbers and mentions that are not channels", "[policy]") {
  for (const char* text : {
           "Call 311 or 911 if it is an emergency",
           "La Ville : 514-485-6800, du lundi au vendredi",
           "The meeting is on 2024-06-15 10:30 at city hall",
           "+15 degrees tomorrow, then 12 10 08 degrees",
           "scores 21 18 15 12 09",
           "Permit 2025-0042 costs $1,250,000? No, $60.",
           "I agree with @snowbird_harry about the plows",
           "one or two, maybe three or four people came, then five, six",
           "Card 4111 1111 1111 1111 is not a phone",
           "We live at 5801 Cavendish, apt 12, postal code H4W 2Z3",
       }) {
    INFO(text);
    CHECK(ChannelsIn(text).empty());
  }
}

}  // namespace
}  // namespace modbot
