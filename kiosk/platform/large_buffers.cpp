#include "kiosk/platform/large_buffers.hpp"

#include <SDL.h>
#include <imgui.h>
#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>

namespace kiosk::platform {
namespace {

// Large blocks are few (a handful at a time): a map under a lock is enough,
// and tells them apart from the C library's without a header before each.
struct LargeBlocks {
    std::mutex mutex;
    std::map<const void*, std::size_t> mapped;  // block -> bytes mapped
};

LargeBlocks& blocks() {
    static LargeBlocks* all = new LargeBlocks();  // never destroyed: frees may come at exit
    return *all;
}

std::size_t rounded(std::size_t size) {
    return (size + large_buffer_size - 1) / large_buffer_size * large_buffer_size;
}

void* map_large(std::size_t size) {
    const std::size_t length = rounded(size);
    void* block = mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (block == MAP_FAILED)
        return nullptr;
    madvise(block, length, MADV_HUGEPAGE);  // a hint: without huge pages it is a plain mapping
    std::lock_guard lock(blocks().mutex);
    blocks().mapped.emplace(block, length);
    return block;
}

// The mapped length of a large block, 0 for any other.
std::size_t mapped_length(const void* block) {
    std::lock_guard lock(blocks().mutex);
    const auto found = blocks().mapped.find(block);
    return found == blocks().mapped.end() ? 0 : found->second;
}

void* imgui_alloc(std::size_t size, void*) {
    return large_buffer_alloc(size);
}

void imgui_free(void* block, void*) {
    large_buffer_free(block);
}

}  // namespace

void* large_buffer_alloc(std::size_t size) {
    if (size >= large_buffer_size)
        if (void* block = map_large(size))
            return block;
    return std::malloc(size);
}

void* large_buffer_calloc(std::size_t count, std::size_t size) {
    if (size != 0 && count > SIZE_MAX / size)
        return nullptr;
    if (count * size >= large_buffer_size)
        if (void* block = map_large(count * size))
            return block;  // fresh anonymous memory is zero
    return std::calloc(count, size);
}

void* large_buffer_realloc(void* block, std::size_t size) {
    const std::size_t length = block ? mapped_length(block) : 0;
    if (length == 0)
        return std::realloc(block, size);
    if (size <= length)
        return block;
    void* moved = large_buffer_alloc(size);
    if (!moved)
        return nullptr;
    std::memcpy(moved, block, length);
    large_buffer_free(block);
    return moved;
}

void large_buffer_free(void* block) {
    if (!block)
        return;
    std::size_t length = 0;
    {
        std::lock_guard lock(blocks().mutex);
        if (const auto found = blocks().mapped.find(block); found != blocks().mapped.end()) {
            length = found->second;
            blocks().mapped.erase(found);
        }
    }
    if (length != 0)
        munmap(block, length);
    else
        std::free(block);  // the C library's, before or after the switch
}

bool is_large_buffer(const void* block) {
    return mapped_length(block) != 0;
}

void use_huge_pages_for_large_buffers() {
    static std::once_flag once;
    std::call_once(once, [] {
        // SDL's own allocator is the C library's, so blocks it handed out
        // before the switch are freed right by large_buffer_free.
        SDL_SetMemoryFunctions(large_buffer_alloc, large_buffer_calloc, large_buffer_realloc,
                               large_buffer_free);
        ImGui::SetAllocatorFunctions(imgui_alloc, imgui_free, nullptr);
    });
}

}  // namespace kiosk::platform
