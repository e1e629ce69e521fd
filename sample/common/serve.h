// What the sample servers' main()s (sample_forum, sample_phpbb) share once their
// flags are read: seed the site, start it, say where it listens, serve until
// SIGINT or SIGTERM.
#ifndef MODBOT_SAMPLE_COMMON_SERVE_H_
#define MODBOT_SAMPLE_COMMON_SERVE_H_

#include <cstdio>
#include <string>

#include "sample/common/sample_content.h"

namespace modbot::sample {

// Seeds sink from a --seed flag: "demo" is the demo content, a number N that many
// synthetic posts.
void SeedFromFlag(ContentSink* sink, const std::string& seed);

// Writes port to port_file (unless empty) and prints
// "<what> listening on http://127.0.0.1:PORT" on stdout.
void AnnouncePort(const char* what, int port, const std::string& port_file);

// Blocks until the process gets SIGINT or SIGTERM.
void WaitForStopSignal();

// Site: a sample server (SampleForum, PhpbbSample). Returns main()'s exit code.
template <typename Site>
int SeedAndServe(Site& site, const char* program, const char* what, const std::string& seed,
                 int port, const std::string& port_file) {
  SeedFromFlag(&site, seed);
  port = site.Start(port);
  if (port == 0) {
    std::fprintf(stderr, "%s: cannot listen\n", program);
    return 1;
  }
  AnnouncePort(what, port, port_file);
  WaitForStopSignal();
  site.Stop();
  return 0;
}

}  // namespace modbot::sample

#endif  // MODBOT_SAMPLE_COMMON_SERVE_H_
