// kiosk print-test: a test receipt to the configured printer and/or a PNG, so an
// installer can check paper, width, darkness and the QR code on site.

#include <ctime>
#include <iostream>

#include "kiosk/app/commands.hpp"
#include "kiosk/app/receipt_printer.hpp"
#include "kiosk/app/text_report.hpp"
#include "kiosk/core/config/config.hpp"
#include "kiosk/core/io/png.hpp"
#include "kiosk/core/pack/catalogue.hpp"
#include "kiosk/core/printing/print_job.hpp"
#include "kiosk/core/takeaway/receipt_content.hpp"

namespace kiosk::app {
namespace {

constexpr const char* usage =
    "usage: kiosk print-test --content FILE.db [--config kiosk.toml] [--printer TARGET]\n"
    "                        [--paper 58|80] [--png FILE] [--lang nl]\n"
    "  TARGET: tcp:HOST[:PORT] | device:/dev/usb/lp0 | file:/path/out.bin\n";

// The configuration with --printer and --paper laid over it; nullopt (after
// saying why) when something is wrong, with the exit status in `status`.
std::optional<KioskConfig> print_test_config(const std::optional<std::string>& config_path,
                                             const std::optional<std::string>& printer_text,
                                             const std::optional<std::string>& paper, int& status) {
    KioskConfig config;
    if (config_path) {
        Issues issues;
        config = load_config_file(*config_path, issues);
        for (const auto& issue : issues.all())
            std::cerr << format_issue(issue) << '\n';
        if (issues.has_errors()) {
            status = 1;
            return std::nullopt;
        }
    }
    status = 2;
    if (printer_text) {
        auto target = parse_printer_target(*printer_text);
        if (!target) {
            std::cerr << "kiosk print-test: --printer: " << target.error() << '\n';
            return std::nullopt;
        }
        config.printer.target = *target;
    }
    if (paper) {
        if (*paper != "58" && *paper != "80") {
            std::cerr << "kiosk print-test: --paper must be 58 or 80\n";
            return std::nullopt;
        }
        config.printer.width_dots = *paper == "58" ? 384 : 576;
    }
    return config;
}

// The pack's own best courses for an empty visit: real titles of real length.
Result<Receipt> test_receipt(const Catalogue& catalogue, const KioskConfig& config,
                             const std::string& lang) {
    const ContentPack& pack = catalogue.pack();
    const std::time_t now = std::time(nullptr);
    const Matcher matcher(pack, catalogue.index());
    const Ranking ranking =
        matcher.rank({}, {local_day(now), pack.info.location.lat, pack.info.location.lon});
    auto receipt = receipt_for(catalogue, ranking, receipt_context(config, pack, lang, now));
    if (!receipt)
        return receipt;
    receipt->text.heading = pack_text(pack, "receipt.test_title", lang);
    if (!config.branding.logo.empty()) {
        auto logo = read_png_on_white(config.branding.logo.string());
        if (!logo)
            return Error{"branding.logo: " + logo.error()};
        receipt->logo = std::move(*logo);
    }
    return receipt;
}

// Sends the job and says what the printer answered; the exit status.
int send_test_job(const PrinterConfig& printer, const std::string& bytes) {
    const PrintOutcome outcome = print_to(printer, bytes);
    std::cout << "printer status: " << to_string(outcome.status.state);
    if (!outcome.status.detail.empty())
        std::cout << " (" << outcome.status.detail << ")";
    std::cout << std::endl;
    if (!outcome.printed) {
        std::cerr << "kiosk print-test: not printed: " << outcome.problem << '\n';
        return 1;
    }
    std::cout << "printed: " << outcome.bytes_sent << " bytes\n";
    return 0;
}

}  // namespace

int print_test_command(Args& args) {
    const auto content = args.take_option("--content");
    const auto config_path = args.take_option("--config");
    const auto printer_text = args.take_option("--printer");
    const auto paper = args.take_option("--paper");
    const auto png = args.take_option("--png");
    auto lang = args.take_option("--lang");
    if (!content || reject_leftovers(args, "print-test")) {
        std::cerr << usage;
        return 2;
    }
    int status = 0;
    const auto config = print_test_config(config_path, printer_text, paper, status);
    if (!config)
        return status;
    if (!png && !config->printer.target) {
        std::cerr << "kiosk print-test: no printer configured and no --png given\n" << usage;
        return 2;
    }
    auto catalogue = Catalogue::open(*content);
    if (!catalogue) {
        std::cerr << "kiosk print-test: " << catalogue.error() << '\n';
        return 1;
    }
    if (!lang)
        lang = catalogue->pack().info.languages.front();
    auto receipt = test_receipt(*catalogue, *config, *lang);
    if (!receipt) {
        std::cerr << "kiosk print-test: " << receipt.error() << '\n';
        return 1;
    }
    auto job = lay_out_receipt_job(*receipt, config->printer);
    if (!job) {
        std::cerr << "kiosk print-test: " << job.error() << '\n';
        return 1;
    }
    if (png) {
        if (auto written = write_png(*png, job->image.image); !written) {
            std::cerr << "kiosk print-test: " << written.error() << '\n';
            return 1;
        }
        std::cout << *png << ": " << job->image.image.width << "x" << job->image.image.height
                  << " dots, QR " << receipt->qr_payload << '\n';
    }
    return config->printer.target ? send_test_job(config->printer, job->bytes) : 0;
}

}  // namespace kiosk::app
