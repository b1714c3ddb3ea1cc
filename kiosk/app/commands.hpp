#pragma once

#include <string>

#include "kiosk/app/args.hpp"

namespace kiosk::app {

// Each returns the process exit status: 0 fine, 1 the input was wrong, 2 usage.
int kiosk_command(Args& args);  // no subcommand: the touch kiosk
int content_command(Args& args);
int ooapi_import_command(Args& args);  // content import ooapi
int po_command(Args& args);            // content po export|import
// content install|rollback|fetch-url
int pack_install_command(const std::string& verb, Args& args);
int match_command(Args& args);
int visit_command(Args& args);
int print_test_command(Args& args);
int adviser_pin_command(Args& args);  // a PIN on stdin, its hash line on stdout
int stats_command(Args& args);
int config_command(Args& args);  // kiosk config check FILE

// Reports options nobody took; returns true when there were any.
bool reject_leftovers(const Args& args, const char* command);

}  // namespace kiosk::app
