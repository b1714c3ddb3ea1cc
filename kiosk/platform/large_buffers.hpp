#pragma once
// The start's large buffers in transparent huge pages. The font texture
// (16 MB at 1080p), the atlas while it is built and a headless frame are
// each touched page by page when first written, and on a virtual machine
// each 4 KB page fault is dear: at 1080p they were a third of the time to the
// first frame. Blocks of 2 MB and more that SDL and Dear ImGui allocate are
// mapped on their own and marked MADV_HUGEPAGE, so a 2 MB page faults once
// where the kernel's transparent_hugepage setting is "madvise" or "always"
// (with "never" they are plain mappings). Smaller blocks, and every block
// allocated before, stay with the C library.

#include <cstddef>

namespace kiosk::platform {

// SDL's and Dear ImGui's allocators become the one below. Once, before SDL
// starts; a second call changes nothing.
void use_huge_pages_for_large_buffers();

// The allocator itself, for tests: a large block lies in memory of its own,
// asked for huge pages; `large_buffer_free` frees what either kind gave.
constexpr std::size_t large_buffer_size = std::size_t{2} << 20;
void* large_buffer_alloc(std::size_t size);
void* large_buffer_calloc(std::size_t count, std::size_t size);
void* large_buffer_realloc(void* block, std::size_t size);
void large_buffer_free(void* block);
// Whether `block` is one of the large blocks now allocated.
bool is_large_buffer(const void* block);

}  // namespace kiosk::platform
