#include "datadir.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"

#ifndef ZB_DATADIR
#define ZB_DATADIR "/usr/local/share/zhengban"
#endif

char *datadir_join(const char *dir, const char *rel)
{
    zb_buf b = {0};
    buf_printf(&b, "%s/%s", dir, rel);
    return buf_detach(&b);
}

static int is_datadir(const char *dir)
{
    struct stat st;
    char *forms = datadir_join(dir, "forms");
    char *sheets = datadir_join(dir, "stylesheets");
    int ok = forms && sheets && stat(forms, &st) == 0 && S_ISDIR(st.st_mode) &&
             stat(sheets, &st) == 0 && S_ISDIR(st.st_mode);
    free(forms);
    free(sheets);
    return ok;
}

/* Canonical form of DIR if it is a data directory, else NULL. */
static char *accept_dir(const char *dir)
{
    if (!is_datadir(dir))
        return NULL;
    char resolved[PATH_MAX];
    return strdup(realpath(dir, resolved) ? resolved : dir);
}

static char *exe_dir(void)
{
    char path[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
    if (n <= 0)
        return NULL;
    path[n] = '\0';
    char *slash = strrchr(path, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    return strdup(path);
}

static char *find_near_exe(void)
{
    char *dir = exe_dir();
    if (!dir)
        return NULL;
    char *found = NULL;
    char *installed = datadir_join(dir, "../share/zhengban");
    if (installed)
        found = accept_dir(installed);
    free(installed);
    zb_buf up = {0};
    buf_append_str(&up, dir);
    for (int level = 0; level < 3 && !found && !up.failed; level++) {
        buf_append_str(&up, "/..");
        found = accept_dir(buf_str(&up));
    }
    buf_free(&up);
    free(dir);
    return found;
}

zb_status datadir_find(char **out, zb_diags *diags)
{
    const char *env = getenv("ZHENGBAN_DATADIR");
    if (env && *env) {
        *out = accept_dir(env);
        if (*out)
            return ZB_OK;
        diags_add(diags, NULL, 0, 0, DIAG_ERROR, NULL,
                  "环境变量 ZHENGBAN_DATADIR=%s 不是数据目录（缺少 forms/ 或 "
                  "stylesheets/）", env);
        return ZB_ERR_IO;
    }
    *out = find_near_exe();
    if (!*out)
        *out = accept_dir(ZB_DATADIR);
    if (*out)
        return ZB_OK;
    diags_add(diags, NULL, 0, 0, DIAG_ERROR, NULL,
              "找不到数据目录（forms/ 与 stylesheets/）：已查找程序所在目录及 "
              "%s；可设置环境变量 ZHENGBAN_DATADIR", ZB_DATADIR);
    return ZB_ERR_IO;
}
