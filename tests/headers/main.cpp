// The header units beside this file are the test: they compile, or test_headers is not built.
// Running it checks that every public header was found.
#include <cstdio>

int main() {
    std::printf("%d public headers compile on their own\n", STRATA_PUBLIC_HEADERS);
    return STRATA_PUBLIC_HEADERS > 0 ? 0 : 1;
}
