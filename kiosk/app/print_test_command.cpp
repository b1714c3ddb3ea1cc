// kiosk print-test: a test receipt to the configured printer and/or a PNG, so an
// installer can check paper, width, darkness and the QR code on site.

#include <ctime>
#include <iostream>

#include "kiosk/app/commands.hpp"
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
    KioskConfig config;
    if (config_path) {
        Issues issues;
        config = load_config_file(*config_path, issues);
        for (const auto& issue : issues.all())
            std::cerr << format_issue(issue) << '\n';
        if (issues.has_errors())
            return 1;
    }
    if (printer_text) {
        auto target = parse_printer_target(*printer_text);
        if (!target) {
            std::cerr << "kiosk print-test: --printer: " << target.error() << '\n';
            return 2;
        }
        config.printer.target = *target;
    }
    if (paper) {
        if (*paper != "58" && *paper != "80") {
            std::cerr << "kiosk print-test: --paper must be 58 or 80\n";
            return 2;
        }
        config.printer.width_dots = *paper == "58" ? 384 : 576;
    }
    if (!png && !config.printer.target) {
        std::cerr << "kiosk print-test: no printer configured and no --png given\n" << usage;
        return 2;
    }
    auto catalogue = Catalogue::open(*content);
    if (!catalogue) {
        std::cerr << "kiosk print-test: " << catalogue.error() << '\n';
        return 1;
    }
    const ContentPack& pack = catalogue->pack();
    if (!lang)
        lang = pack.info.languages.front();

    // The pack's own best courses for an empty visit: real titles of real length.
    const std::time_t now = std::time(nullptr);
    const Matcher matcher(pack, catalogue->index());
    const Ranking ranking =
        matcher.rank({}, {local_day(now), pack.info.location.lat, pack.info.location.lon});
    ReceiptContext context{config.name.empty() ? text_in(pack.info.name, *lang) : config.name,
                           config.contact, *lang, now, config.results_url};
    auto receipt = receipt_for(*catalogue, ranking, context);
    if (!receipt) {
        std::cerr << "kiosk print-test: " << receipt.error() << '\n';
        return 1;
    }
    receipt->text.heading = pack_text(pack, "receipt.test_title", *lang);
    if (!config.branding.logo.empty()) {
        auto logo = read_png_on_white(config.branding.logo.string());
        if (!logo) {
            std::cerr << "kiosk print-test: branding.logo: " << logo.error() << '\n';
            return 1;
        }
        receipt->logo = std::move(*logo);
    }
    ReceiptStyle style;
    style.width_dots = config.printer.width_dots;
    auto image = render_receipt_image(*receipt, style);
    if (!image) {
        std::cerr << "kiosk print-test: " << image.error() << '\n';
        return 1;
    }
    if (png) {
        if (auto written = write_png(*png, image->image); !written) {
            std::cerr << "kiosk print-test: " << written.error() << '\n';
            return 1;
        }
        std::cout << *png << ": " << image->image.width << "x" << image->image.height
                  << " dots, QR " << receipt->qr_payload << '\n';
    }
    if (!config.printer.target)
        return 0;
    auto job = encode_receipt_job(*image, receipt->qr_payload, config.printer);
    if (!job) {
        std::cerr << "kiosk print-test: " << job.error() << '\n';
        return 1;
    }
    const PrintOutcome outcome = print_to(config.printer, *job);
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

}  // namespace kiosk::app
