/* paths.c: where the database and the data files are. */
#include "config.h"

#include "paths.h"
#include "util.h"

#include <stdlib.h>
#include <unistd.h>

static const char *nonempty_env(const char *name)
{
    const char *value = getenv(name);
    return value && *value ? value : NULL;
}

char *paths_default_db(void)
{
    const char *db = nonempty_env("SAMESONG_DB");
    if (db)
        return xstrdup(db);
    const char *xdg = nonempty_env("XDG_DATA_HOME");
    if (xdg)
        return xasprintf("%s/samesong/samesong.db", xdg);
    const char *home = nonempty_env("HOME");
    if (home)
        return xasprintf("%s/.local/share/samesong/samesong.db", home);
    return NULL;
}

const char *paths_data_dir(void)
{
    const char *dir = nonempty_env("SAMESONG_DATA_DIR");
    if (dir)
        return dir;
    /* Until `make install`, ./src/samesong reads the data from the source tree. */
    if (access(PKGDATADIR "/steps.json", R_OK) != 0 && access(SOURCE_DATA_DIR "/steps.json", R_OK) == 0)
        return SOURCE_DATA_DIR;
    return PKGDATADIR;
}

char *paths_data_file(const char *name)
{
    return xasprintf("%s/%s", paths_data_dir(), name);
}
