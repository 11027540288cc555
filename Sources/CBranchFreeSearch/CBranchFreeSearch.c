// Everything is in include/CBranchFreeSearch.h (static inline); a C target needs one source file.
#include "CBranchFreeSearch.h"
