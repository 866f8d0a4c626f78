#include "hugepages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TUNABLE "glibc.malloc.hugetlb"

bool hugepages_tunables(const char *was, char *out, size_t size)
{
    if (was && strstr(was, TUNABLE "="))
        return false;
    int n = snprintf(out, size, "%s%s" TUNABLE "=1", was ? was : "",
                     was && *was ? ":" : "");
    return n > 0 && (size_t)n < size;
}

void hugepages_restart(char **argv)
{
    /* under valgrind /proc/self/exe is valgrind's tool, not this program */
    const char *preload = getenv("LD_PRELOAD");
    if (preload && strstr(preload, "vgpreload"))
        return;
    const char *env = getenv("GLIBC_TUNABLES");
    char was[4096], value[4096];
    if ((env && snprintf(was, sizeof was, "%s", env) >= (int)sizeof was) ||
        !hugepages_tunables(env ? was : NULL, value, sizeof value) ||
        setenv("GLIBC_TUNABLES", value, 1) != 0)
        return;
    execv("/proc/self/exe", argv);
    /* not started again: the environment as it was */
    if (env)
        setenv("GLIBC_TUNABLES", was, 1);
    else
        unsetenv("GLIBC_TUNABLES");
}
