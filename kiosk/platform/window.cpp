#include "kiosk/platform/window.hpp"

#include <SDL_syswm.h>
#include <unistd.h>
#include <wayland-client-core.h>

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "kiosk/platform/large_buffers.hpp"

namespace kiosk::platform {
namespace {

std::string sdl_error() {
    const char* text = SDL_GetError();
    return text && *text ? text : "unknown SDL error";
}

// "opengl (accelerated)"; SDL_RENDER_DRIVER may have chosen another than asked for.
std::string renderer_name(SDL_Renderer* renderer) {
    SDL_RendererInfo info{};
    if (SDL_GetRendererInfo(renderer, &info) != 0 || !info.name)
        return "unknown";
    return std::string(info.name) +
           ((info.flags & SDL_RENDERER_ACCELERATED) ? " (accelerated)" : " (not accelerated)");
}

// Before SDL_Init: these decide how SDL starts.
void set_hints(const WindowOptions& options) {
    // The kiosk ends on SIGTERM through its own signal thread (platform/signals).
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    SDL_SetHint(SDL_HINT_APP_NAME, options.title.c_str());
    // A mouse is a mouse: no made-up touches. (SDL still reports each touch as a
    // mouse event too; the input adapter ignores those.)
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    if (options.mode == WindowMode::headless) {
        // Whatever SDL_VIDEODRIVER says: a headless run never needs a display.
        SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, "dummy", SDL_HINT_OVERRIDE);
    }
    if (options.mode == WindowMode::fullscreen) {
        // A kiosk that loses focus to a notification must not minimise itself,
        // and Alt+Tab must not take a visitor to the desktop.
        SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
        SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
        SDL_SetHint(SDL_HINT_ALLOW_ALT_TAB_WHILE_GRABBED, "0");
    }
}

struct RendererChoice {
    bool software = false;
    std::string why;  // for the log
};

bool software_rasteriser(std::string_view gl_renderer) {
    for (const char* name : {"llvmpipe", "softpipe", "swrast", "Software Rasterizer"})
        if (gl_renderer.find(name) != std::string_view::npos)
            return true;
    return false;
}

// A render node this process may open, as Mesa's hardware drivers need one;
// empty when there is none (no GPU, no driver, or not in group `render`).
std::string usable_render_node() {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator("/dev/dri", error)) {
        const std::string path = entry.path().string();
        if (entry.path().filename().string().starts_with("renderD") &&
            access(path.c_str(), R_OK | W_OK) == 0)
            return path;
    }
    return {};
}

// Decided before any OpenGL is loaded: asking OpenGL itself would map Mesa and
// LLVM into the process (about 60 MiB) for the very case that avoids them.
RendererChoice choose_renderer(RendererWish wish, const std::string& driver) {
    if (wish == RendererWish::software)
        return {true, "as configured ([display] renderer = \"software\")"};
    if (wish == RendererWish::accelerated)
        return {false, "as configured ([display] renderer = \"accelerated\")"};
    // SDL 2.26 has a software window surface on X11 only, not on Wayland.
    if (driver != "x11")
        return {false, "as the " + driver + " video driver has no software window surface"};
    for (const char* variable : {"LIBGL_ALWAYS_SOFTWARE", "GALLIUM_DRIVER"}) {
        const char* value = std::getenv(variable);
        if (value && *value &&
            (std::string_view(variable) == "LIBGL_ALWAYS_SOFTWARE" || software_rasteriser(value)))
            return {true, "as OpenGL would be Mesa's software rasteriser (" +
                              std::string(variable) + "=" + value + ")"};
    }
    const std::string node = usable_render_node();
    if (node.empty())
        return {true,
                "as OpenGL would be Mesa's software rasteriser (no /dev/dri render node this "
                "user may open)"};
    return {false, "as a GPU is there (" + node + ")"};
}

// What draws OpenGL for the current context, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)".
std::string gl_renderer_name() {
    using GetString = const unsigned char* (*)(unsigned int);
    constexpr unsigned int gl_renderer = 0x1F01;  // GL_RENDERER
    auto get_string = reinterpret_cast<GetString>(SDL_GL_GetProcAddress("glGetString"));
    if (!get_string || !SDL_GL_GetCurrentContext())
        return {};
    const unsigned char* name = get_string(gl_renderer);
    return name ? reinterpret_cast<const char*>(name) : "";
}

}  // namespace

std::optional<std::pair<int, int>> parse_window_size(std::string_view text) {
    const auto x = text.find('x');
    if (x == std::string_view::npos)
        return std::nullopt;
    auto number = [](std::string_view digits) -> std::optional<int> {
        int value = 0;
        const auto [end, error] =
            std::from_chars(digits.data(), digits.data() + digits.size(), value);
        if (error != std::errc() || end != digits.data() + digits.size() || digits.empty() ||
            digits.front() == '+' || value < 64 || value > 16384)
            return std::nullopt;
        return value;
    };
    const auto width = number(text.substr(0, x));
    const auto height = number(text.substr(x + 1));
    if (!width || !height)
        return std::nullopt;
    return std::pair{*width, *height};
}

Result<std::unique_ptr<Window>> Window::open(const WindowOptions& options) {
    use_huge_pages_for_large_buffers();
    set_hints(options);
    // Only video and timer: the game-controller subsystem makes SDL poll.
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0)
        return Error{options.mode == WindowMode::headless
                         ? "cannot start SDL's headless video: " + sdl_error()
                         : "cannot open a window: " + sdl_error() +
                               " (is DISPLAY or WAYLAND_DISPLAY set?)"};
    std::unique_ptr<Window> window(new Window());
    window->mode_ = options.mode;
    const std::string driver = SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "";
    if (options.mode != WindowMode::headless && (driver == "offscreen" || driver == "dummy")) {
        // With no display SDL 2.26 falls back to drawing into memory: a kiosk
        // that nobody can see must say so instead of running.
        return Error{"cannot open a window: no display to show it on (SDL chose its '" + driver +
                     "' video driver; is DISPLAY or WAYLAND_DISPLAY set?)"};
    }
    SDL_StopTextInput();  // no on-screen keyboard or input method: the kiosk has no text fields

    if (options.mode == WindowMode::headless) {
        window->surface_ = SDL_CreateRGBSurfaceWithFormat(0, options.width, options.height, 32,
                                                          SDL_PIXELFORMAT_RGBA32);
        if (!window->surface_)
            return Error{"cannot make a " + std::to_string(options.width) + "x" +
                         std::to_string(options.height) + " offscreen surface: " + sdl_error()};
        window->renderer_ = SDL_CreateSoftwareRenderer(window->surface_);
        if (!window->renderer_)
            return Error{"cannot make a software renderer: " + sdl_error()};
        window->renderer_description_ = "software (headless)";
        return window;
    }

    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI | SDL_WINDOW_SHOWN;
    int width = options.width;
    int height = options.height;
    if (options.mode == WindowMode::fullscreen) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
        SDL_DisplayMode display{};
        if (SDL_GetDesktopDisplayMode(0, &display) == 0) {
            width = display.w;
            height = display.h;
        }
    }
    window->window_ = SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED,
                                       SDL_WINDOWPOS_CENTERED, width, height, flags);
    if (!window->window_)
        return Error{"cannot open a window: " + sdl_error() +
                     " (is DISPLAY or WAYLAND_DISPLAY set?)"};
    if (options.mode == WindowMode::fullscreen)
        SDL_SetWindowKeyboardGrab(window->window_, SDL_TRUE);

    const RendererChoice choice = choose_renderer(options.renderer, driver);
    if (choice.software) {
        // Straight into the window's surface (X11 shared memory); without the
        // second hint SDL would put that surface in an OpenGL texture and map
        // Mesa and LLVM after all.
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
        window->renderer_ = SDL_CreateRenderer(window->window_, -1, SDL_RENDERER_SOFTWARE);
        if (!window->renderer_)
            return Error{"cannot make a software renderer for the window: " + sdl_error()};
        window->renderer_description_ =
            renderer_name(window->renderer_) + " on " + driver + ", " + choice.why;
    } else {
        window->renderer_ = SDL_CreateRenderer(
            window->window_, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
        if (window->renderer_) {
            window->renderer_description_ =
                renderer_name(window->renderer_) + " on " + driver + ", " + choice.why;
            const std::string gl = gl_renderer_name();
            if (!gl.empty())
                window->renderer_description_ += "; OpenGL renderer: " + gl;
            if (software_rasteriser(gl))
                window->renderer_description_ +=
                    ", Mesa's software rasteriser ([display] renderer = \"software\" would "
                    "cost less)";
        } else {
            const std::string why = sdl_error();
            window->renderer_ = SDL_CreateRenderer(window->window_, -1, SDL_RENDERER_SOFTWARE);
            if (!window->renderer_)
                return Error{"cannot make a renderer for the window: " + sdl_error()};
            window->renderer_description_ = renderer_name(window->renderer_) + " on " + driver +
                                            ", as no accelerated one works: " + why;
        }
    }
    window->wayland_ = driver == "wayland";
    return window;
}

bool Window::wait_event(SDL_Event& event, std::chrono::milliseconds timeout) const {
    if (!wayland_)
        return SDL_WaitEventTimeout(&event, static_cast<int>(timeout.count())) != 0;
    using std::chrono::steady_clock;
    const auto until = steady_clock::now() + timeout;
    for (;;) {
        if (SDL_PollEvent(&event) != 0)
            return true;
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(until - steady_clock::now());
        if (left.count() <= 0)
            return false;
        SDL_Delay(static_cast<Uint32>(std::min<std::int64_t>(left.count(), 20)));
    }
}

bool Window::display_lost() const {
    if (!wayland_ || !window_)
        return false;
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (SDL_GetWindowWMInfo(window_, &info) != SDL_TRUE || info.subsystem != SDL_SYSWM_WAYLAND)
        return false;
    return wl_display_get_error(info.info.wl.display) != 0;
}

Window::~Window() {
    if (renderer_)
        SDL_DestroyRenderer(renderer_);
    if (surface_)
        SDL_FreeSurface(surface_);
    if (window_)
        SDL_DestroyWindow(window_);
    SDL_Quit();
}

ViewSize Window::view_size() const {
    ViewSize view;
    if (window_) {
        SDL_GetWindowSize(window_, &view.window_width, &view.window_height);
    } else if (surface_) {
        view.window_width = surface_->w;
        view.window_height = surface_->h;
    }
    if (SDL_GetRendererOutputSize(renderer_, &view.output_width, &view.output_height) != 0) {
        view.output_width = view.window_width;
        view.output_height = view.window_height;
    }
    return view;
}

Result<RgbaPixels> Window::read_pixels() const {
    RgbaPixels pixels;
    if (SDL_GetRendererOutputSize(renderer_, &pixels.width, &pixels.height) != 0)
        return Error{"cannot read the screen's size: " + sdl_error()};
    pixels.rgba.resize(static_cast<std::size_t>(pixels.width) *
                       static_cast<std::size_t>(pixels.height) * 4);
    if (SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_RGBA32, pixels.rgba.data(),
                             pixels.width * 4) != 0)
        return Error{"cannot read the screen's pixels: " + sdl_error()};
    return pixels;
}

void Window::show_colour(std::uint8_t red, std::uint8_t green, std::uint8_t blue) const {
    SDL_SetRenderDrawBlendMode(renderer_, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(renderer_, red, green, blue, 255);
    SDL_RenderClear(renderer_);
    int width = 0, height = 0;
    SDL_GetRendererOutputSize(renderer_, &width, &height);
    present({SDL_Rect{0, 0, width, height}});
}

SDL_Surface* Window::drawn_pixels() const {
    if (surface_)
        return surface_;
    SDL_RendererInfo info{};
    if (SDL_GetRendererInfo(renderer_, &info) != 0 || (info.flags & SDL_RENDERER_SOFTWARE) == 0)
        return nullptr;
    return SDL_GetWindowSurface(window_);
}

void Window::present(const std::vector<SDL_Rect>& drawn) const {
    SDL_RendererInfo info{};
    const bool software =
        SDL_GetRendererInfo(renderer_, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE) != 0;
    if (!window_ || !software) {
        SDL_RenderPresent(renderer_);
        return;
    }
    // The software renderer draws into the window's surface; SDL_RenderPresent
    // would send all of it to the display, where only `drawn` changed.
    SDL_RenderFlush(renderer_);
    if (!drawn.empty())
        SDL_UpdateWindowSurfaceRects(window_, drawn.data(), static_cast<int>(drawn.size()));
}

}  // namespace kiosk::platform
