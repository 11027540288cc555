#ifndef CMEMORYHINTS_H
#define CMEMORYHINTS_H

/// Memory hints Swift has no spelling for. Header-only: the functions are `static inline`, so the
/// Swift compiler inlines them into the caller as the single instruction they are.

/// Asks the processor to start loading the cache line holding `address` for reading, without
/// waiting for it. A look-up that knows the next few records it will read issues their loads
/// together this way, so their cache misses overlap instead of following one another.
static inline void cmh_prefetch_read(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
