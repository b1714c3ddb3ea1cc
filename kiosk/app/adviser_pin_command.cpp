// kiosk adviser-pin: a PIN in, the configuration line with its hash out.
// The PIN is read from standard input, never from the command line, where
// it would stay in the shell's history and show in the process list.

#include <sodium.h>
#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <string>

#include "kiosk/app/commands.hpp"
#include "kiosk/core/adviser/adviser_pin.hpp"

namespace kiosk::app {
namespace {

// Turns the terminal's echo off while it lives, so the PIN does not show.
class EchoOff {
  public:
    EchoOff() : active_(tcgetattr(STDIN_FILENO, &saved_) == 0) {
        if (!active_)
            return;
        termios quiet = saved_;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        active_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff() {
        if (active_)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

  private:
    termios saved_{};
    bool active_ = false;
};

bool read_pin(bool terminal, const char* prompt, std::string& pin) {
    if (!terminal)
        return static_cast<bool>(std::getline(std::cin, pin));
    std::cerr << prompt << std::flush;
    bool got = false;
    {
        EchoOff quiet;
        got = static_cast<bool>(std::getline(std::cin, pin));
    }
    std::cerr << '\n';  // the Enter the user typed did not echo either
    return got;
}

void forget(std::string& pin) {
    sodium_memzero(pin.data(), pin.size());
    pin.clear();
}

}  // namespace

int adviser_pin_command(Args& args) {
    if (reject_leftovers(args, "adviser-pin")) {
        std::cerr << "usage: kiosk adviser-pin  (the PIN is asked for, never given on the command "
                     "line, where the shell's history would keep it)\n";
        return 2;
    }
    const bool terminal = isatty(STDIN_FILENO) == 1;
    std::string first, second;
    auto fail = [&](const std::string& message) {
        forget(first);
        forget(second);
        std::cerr << "kiosk adviser-pin: " << message << '\n';
        return 1;
    };
    if (!read_pin(terminal, "Adviser PIN (4 to 8 digits): ", first))
        return fail("no PIN on standard input");
    // A file written on Windows ends its lines in CR LF.
    if (!first.empty() && first.back() == '\r')
        first.pop_back();
    if (auto problem = pin_rule_problem(first))
        return fail(*problem);
    if (!read_pin(terminal, "The same PIN again: ", second))
        return fail("the PIN is needed twice, the second time to catch a typing error");
    if (!second.empty() && second.back() == '\r')
        second.pop_back();
    if (second != first)
        return fail("the two PINs differ; nothing was made");
    auto hash = hash_pin(first);
    forget(first);
    forget(second);
    if (!hash)
        return fail(hash.error());
    std::cout << "pin_hash = \"" << *hash << "\"\n";
    std::cerr << "Put this line in the [adviser] section of the kiosk's configuration.\n";
    return 0;
}

}  // namespace kiosk::app
