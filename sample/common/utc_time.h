// Times as the sample forums write them on the wire, in UTC.
#ifndef MODBOT_SAMPLE_COMMON_UTC_TIME_H_
#define MODBOT_SAMPLE_COMMON_UTC_TIME_H_

#include <chrono>
#include <string>

namespace modbot::sample {

// t in UTC through std::strftime's format ("%Y-%m-%dT%H:%M:%SZ"); at most 63 bytes.
std::string FormatUtc(std::chrono::system_clock::time_point t, const char* format);

}  // namespace modbot::sample

#endif  // MODBOT_SAMPLE_COMMON_UTC_TIME_H_
