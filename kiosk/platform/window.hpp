#pragma once
// The SDL window and its renderer, in one of three modes: fullscreen for the
// kiosk itself, a decorated window for development, or headless (no display at
// all: a software renderer drawing into memory) for scripted runs and tests.
// Owns SDL itself: the first thing to open and the last to close.

#include <SDL.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/core/base/result.hpp"
#include "kiosk/platform/input.hpp"

namespace kiosk::platform {

enum class WindowMode { fullscreen, windowed, headless };

// Which SDL renderer draws into a window (a headless run always draws with
// the software renderer into memory).
enum class RendererWish {
    // The software one when OpenGL could only be Mesa's software rasteriser,
    // the accelerated one when there is a GPU.
    automatic,
    software,     // SDL's software renderer straight into the window's surface
    accelerated,  // OpenGL, whatever rasterises it
};

struct WindowOptions {
    WindowMode mode = WindowMode::fullscreen;
    RendererWish renderer = RendererWish::automatic;
    int width = 1920, height = 1080;  // windowed and headless; fullscreen takes the display's
    std::string title = "Learning and work kiosk";
};

struct RgbaPixels {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;  // row-major, 4 bytes a pixel
};

// "1280x720" as a size in pixels, from 64 to 16384 each way; nothing otherwise.
std::optional<std::pair<int, int>> parse_window_size(std::string_view text);

class Window {
  public:
    static Result<std::unique_ptr<Window>> open(const WindowOptions& options);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    SDL_Renderer* renderer() const { return renderer_; }
    ViewSize view_size() const;
    WindowMode mode() const { return mode_; }
    // A locked kiosk cannot be closed or left by a visitor; only a window for
    // development can.
    bool locked() const { return mode_ != WindowMode::windowed; }
    // e.g. "opengl (accelerated) on x11, as a GPU is there (/dev/dri/renderD128)" or
    // "software (not accelerated) on x11, as OpenGL would be Mesa's software rasteriser
    // (no /dev/dri render node)".
    const std::string& renderer_description() const { return renderer_description_; }

    // The pixels a software renderer draws into (the window's surface, or
    // memory when headless), for moving what is drawn; null with an
    // accelerated renderer.
    SDL_Surface* drawn_pixels() const;
    // What the renderer has drawn since the last clear; call before presenting.
    Result<RgbaPixels> read_pixels() const;
    // Shows what was drawn: with a software renderer only the rectangles
    // `drawn` (none: nothing changed, nothing to show), with an accelerated
    // one the whole frame.
    void present(const std::vector<SDL_Rect>& drawn) const;
    // Shows the whole window in one colour at once.
    void show_colour(std::uint8_t red, std::uint8_t green, std::uint8_t blue) const;

    // Waits up to `timeout` for an event. Under a Wayland compositor (cage),
    // frames presented while SDL 2.26 waits in SDL_WaitEventTimeout never reached
    // the screen, which stayed black; there it polls every 20 ms instead.
    bool wait_event(SDL_Event& event, std::chrono::milliseconds timeout) const;
    // On Wayland the compositor's fullscreen configure comes after the first
    // frame, which it then never shows, and SDL reports no event for it: the
    // caller draws frames for a while after the first one.
    bool configured_late() const { return wayland_; }
    // Whether the Wayland compositor is gone (cage ended). SDL then sends one
    // quit request, which a locked kiosk ignores, and goes on presenting to a
    // dead connection; the caller ends instead, for the service to start the
    // session again. Always false on X11, where Xlib ends the program itself.
    bool display_lost() const;

  private:
    Window() = default;
    WindowMode mode_ = WindowMode::fullscreen;
    SDL_Window* window_ = nullptr;
    SDL_Surface* surface_ = nullptr;  // headless: what the software renderer draws into
    SDL_Renderer* renderer_ = nullptr;
    std::string renderer_description_;
    bool wayland_ = false;
};

}  // namespace kiosk::platform
