#include "sample/common/serve.h"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <thread>

namespace modbot::sample {
namespace {

volatile std::sig_atomic_t g_stop = 0;
extern "C" void OnStopSignal(int) { g_stop = 1; }

}  // namespace

void SeedFromFlag(ContentSink* sink, const std::string& seed) {
  if (seed == "demo") {
    SeedDemoContent(sink);
  } else {
    SeedSyntheticContent(sink, std::atoi(seed.c_str()), 1);
  }
}

void AnnouncePort(const char* what, int port, const std::string& port_file) {
  if (!port_file.empty()) std::ofstream(port_file) << port << "\n";
  std::printf("%s listening on http://127.0.0.1:%d\n", what, port);
  std::fflush(stdout);
}

void WaitForStopSignal() {
  std::signal(SIGINT, OnStopSignal);
  std::signal(SIGTERM, OnStopSignal);
  while (!g_stop) std::this_thread::sleep_for(std::chrono::milliseconds(100));
}

}  // namespace modbot::sample
