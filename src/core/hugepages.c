#include "hugepages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TUNABLE "glibc.malloc.hugetlb"

void hugepages_restart(char **argv)
{
    const char *was = getenv("GLIBC_TUNABLES");
    char value[4096];
    if (was && strstr(was, TUNABLE "="))
        return;
    int n = snprintf(value, sizeof value, "%s%s" TUNABLE "=1",
                     was ? was : "", was && *was ? ":" : "");
    if (n < 0 || (size_t)n >= sizeof value ||
        setenv("GLIBC_TUNABLES", value, 1) != 0)
        return;
    execv("/proc/self/exe", argv);
    /* not started again: keep the environment as it was */
    if (was)
        setenv("GLIBC_TUNABLES", was, 1);
    else
        unsetenv("GLIBC_TUNABLES");
}
