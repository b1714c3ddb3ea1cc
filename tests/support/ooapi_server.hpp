#pragma once
// The OOAPI test server (ooapi_server.py) on a free port of 127.0.0.1, for as long
// as the object lives.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <string>

#include "tests/support/test_support.hpp"

namespace test {

class OoapiServer {
  public:
    OoapiServer() {
        int out[2];
        REQUIRE(pipe(out) == 0);
        pid_ = fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            dup2(out[1], STDOUT_FILENO);
            close(out[0]);
            close(out[1]);
            const std::string script = (source_dir() / "tests/support/ooapi_server.py").string();
            const std::string fixtures = fixture("ooapi").string();
            execlp("python3", "python3", script.c_str(), fixtures.c_str(), nullptr);
            _exit(127);
        }
        close(out[1]);
        FILE* stream = fdopen(out[0], "r");
        REQUIRE(stream != nullptr);
        const bool listening = std::fscanf(stream, "port %d", &port_) == 1;
        std::fclose(stream);
        REQUIRE(listening);
    }
    ~OoapiServer() {
        kill(pid_, SIGTERM);
        waitpid(pid_, nullptr, 0);
    }
    OoapiServer(const OoapiServer&) = delete;
    OoapiServer& operator=(const OoapiServer&) = delete;

    // "http://127.0.0.1:PORT/MODE/courses" (see ooapi_server.py for the modes).
    std::string url(const std::string& mode) const {
        return "http://127.0.0.1:" + std::to_string(port_) + "/" + mode + "/courses";
    }
    std::string log_url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/_log"; }

  private:
    pid_t pid_ = -1;
    int port_ = 0;
};

}  // namespace test
