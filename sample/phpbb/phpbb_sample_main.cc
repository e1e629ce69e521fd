// sample_phpbb: serve the sample phpBB board on 127.0.0.1.
//
//   sample_phpbb --password-file FILE [--username NAME] [--port N] [--port-file F]
//                [--seed demo|N] [--feed-limit N] [--fault-503 P] [--fault-slow P]
//                [--slow-ms MS] [--fault-expire-session P] [--fault-form-invalid P]
//                [--flood-interval S]
//
// Runs until SIGINT or SIGTERM.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

#include "sample/common/serve.h"
#include "sample/phpbb/phpbb_sample.h"

namespace {

int Usage() {
  std::fprintf(stderr,
               "usage: sample_phpbb --password-file FILE [--username NAME] [--port N] "
               "[--port-file F] [--seed demo|N] [--feed-limit N] [--fault-503 P] "
               "[--fault-slow P] [--slow-ms MS] [--fault-expire-session P] "
               "[--fault-form-invalid P] [--flood-interval S]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string password_file, username = "modbot", port_file, seed = "demo";
  int port = 0;
  modbot::sample::PhpbbFaults faults;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (i + 1 >= argc) return Usage();
    const char* value = argv[++i];
    if (arg == "--password-file") password_file = value;
    else if (arg == "--username") username = value;
    else if (arg == "--port") port = std::atoi(value);
    else if (arg == "--port-file") port_file = value;
    else if (arg == "--seed") seed = value;
    else if (arg == "--feed-limit") faults.feed_limit = std::atoi(value);
    else if (arg == "--fault-503") faults.rate_503 = std::atof(value);
    else if (arg == "--fault-slow") faults.rate_slow = std::atof(value);
    else if (arg == "--slow-ms") faults.slow_ms = std::atoi(value);
    else if (arg == "--fault-expire-session") faults.rate_expire_session = std::atof(value);
    else if (arg == "--fault-form-invalid") faults.rate_form_invalid = std::atof(value);
    else if (arg == "--flood-interval") faults.flood_interval_seconds = std::atoi(value);
    else return Usage();
  }
  std::string password;
  if (std::ifstream in(password_file); !std::getline(in, password) || password.empty()) {
    std::fprintf(stderr, "sample_phpbb: cannot read the password from '%s'\n",
                 password_file.c_str());
    return 2;
  }
  modbot::sample::PhpbbSample board(username, password);
  board.SetFaults(faults);
  return modbot::sample::SeedAndServe(board, "sample_phpbb", "sample phpBB board", seed, port,
                                      port_file);
}
