// A stand-in for systemd's notify socket: binds an AF_UNIX datagram socket at
// PATH and prints each message that arrives within SECONDS as
// "<milliseconds since start> <message>", one line per message (a message of
// several lines, e.g. "READY=1\nSTATUS=...", is printed with '|' between them).
//   notify_listener PATH SECONDS

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: notify_listener PATH SECONDS\n");
        return 2;
    }
    const int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (std::strlen(argv[1]) >= sizeof address.sun_path) {
        std::fprintf(stderr, "notify_listener: path too long\n");
        return 2;
    }
    std::strcpy(address.sun_path, argv[1]);
    unlink(argv[1]);
    if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        std::perror("notify_listener: bind");
        return 1;
    }
    const auto start = std::chrono::steady_clock::now();
    const auto end = start + std::chrono::seconds(std::atoi(argv[2]));
    std::fprintf(stdout, "0 LISTENING\n");
    std::fflush(stdout);
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::microseconds>(
            end - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            break;
        timeval timeout{static_cast<time_t>(left.count() / 1000000),
                        static_cast<suseconds_t>(left.count() % 1000000)};
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        char buffer[4096];
        const ssize_t n = recv(fd, buffer, sizeof buffer - 1, 0);
        if (n < 0)
            continue;  // timed out (or interrupted): look at the clock again
        std::string message(buffer, static_cast<std::size_t>(n));
        for (char& c : message) {
            if (c == '\n')
                c = '|';
        }
        while (!message.empty() && message.back() == '|')
            message.pop_back();
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now() - start)
                            .count();
        std::fprintf(stdout, "%lld %s\n", static_cast<long long>(ms), message.c_str());
        std::fflush(stdout);
    }
    unlink(argv[1]);
    return 0;
}
