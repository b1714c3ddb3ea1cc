#include "kiosk/core/service/health_metrics.hpp"

#include <sstream>

namespace kiosk {
namespace {

// Label values may hold any text; escape as the text format asks.
std::string label_value(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '\\' || c == '"')
            out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

class Writer {
  public:
    void metric(const char* name, const char* type, const char* help) {
        out_ << "# HELP " << name << ' ' << help << '\n'
             << "# TYPE " << name << ' ' << type << '\n';
    }
    template <class T>
    void sample(const char* name, T value, const std::string& labels = {}) {
        out_ << name;
        if (!labels.empty())
            out_ << '{' << labels << '}';
        out_ << ' ' << value << '\n';
    }
    template <class T>
    void gauge(const char* name, const char* help, T value) {
        metric(name, "gauge", help);
        sample(name, value);
    }
    std::string text() const { return out_.str(); }

  private:
    std::ostringstream out_;
};

}  // namespace

std::string format_health(const HealthSnapshot& h) {
    Writer w;
    w.metric("kiosk_info", "gauge", "The kiosk's version and the content pack it shows.");
    w.sample("kiosk_info", 1,
             "version=\"" + label_value(h.kiosk_version) + "\",pack_id=\"" +
                 label_value(h.pack_id) + "\",pack_version=\"" + label_value(h.pack_version) +
                 "\"");
    w.metric("kiosk_content_pack_source", "gauge",
             "1 for the pack shown: the installed one, or the previous or bundled one when the "
             "installed one could not be opened at start (reason says why).");
    w.sample("kiosk_content_pack_source", 1,
             "source=\"" + label_value(h.pack_source) + "\",reason=\"" +
                 label_value(h.pack_fallback_reason) + "\"");
    w.gauge("kiosk_start_time_seconds", "When the kiosk program started, Unix time.", h.started);
    w.metric("kiosk_frames_drawn_total", "counter", "Frames drawn since the kiosk started.");
    w.sample("kiosk_frames_drawn_total", h.frames_drawn);
    w.gauge("kiosk_last_frame_time_seconds",
            "When the last frame was drawn, Unix time; 0: none yet.", h.last_frame.value_or(0));
    w.gauge("kiosk_open",
            "1 within the configured opening hours, 0 outside them (the screen is dark).",
            h.open ? 1 : 0);
    w.gauge("kiosk_content_pack_date_seconds",
            "The content pack's date (midnight UTC), Unix time; its age is time() minus this.",
            h.pack_date.value_or(0));
    w.gauge("kiosk_printer_configured", "1 when a receipt printer is configured.",
            h.printer_configured ? 1 : 0);
    w.metric("kiosk_printer_state", "gauge", "1 for the printer's last reported state.");
    if (h.printer_configured) {
        for (const char* state : printer_states)
            w.sample("kiosk_printer_state", h.printer_state == state ? 1 : 0,
                     std::string("state=\"") + state + "\"");
    }
    w.gauge("kiosk_printer_faulty",
            "1 while the printer cannot print (the QR code is shown instead).",
            h.printer_faulty ? 1 : 0);
    w.gauge("kiosk_printer_faulty_since_seconds",
            "Since when the printer has been faulty, Unix time; 0 while it is not.",
            h.printer_faulty ? h.printer_faulty_since.value_or(0) : 0);
    w.gauge("kiosk_printer_last_fault_time_seconds",
            "When a printer fault was last seen, Unix time; 0: never since start.",
            h.last_printer_fault.value_or(0));
    w.gauge("kiosk_printer_paper_low", "1 when the printer reports its paper roll near its end.",
            h.paper_low ? 1 : 0);
    w.gauge("kiosk_visits_started_today", "Visits that left the attract screen today.",
            h.visits_started_today);
    w.gauge("kiosk_visits_completed_today", "Visits that reached the results today.",
            h.visits_completed_today);
    w.gauge("kiosk_last_visit_time_seconds",
            "When the last visit ended, Unix time to the minute; 0: none since start.",
            h.last_visit.value_or(0));
    w.gauge("kiosk_disk_free_bytes",
            "Bytes free on the file system of the usage figures; -1: unknown.", h.free_disk_bytes);
    w.gauge("kiosk_usage_figures_ok", "1 when the usage figures file is open for counting.",
            h.usage_figures_ok ? 1 : 0);
    w.metric("kiosk_usage_figures_moved_aside_total", "counter",
             "Usage figures files that could not be opened and were moved aside since start.");
    w.sample("kiosk_usage_figures_moved_aside_total", h.usage_figures_moved_aside);
    w.gauge("kiosk_health_written_time_seconds", "When this file was written, Unix time.",
            h.written);
    return w.text();
}

}  // namespace kiosk
