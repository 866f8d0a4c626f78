#include "cli.h"

int cli_exit_code(zb_status status)
{
    switch (status) {
    case ZB_OK:
        return EXIT_VALID;
    case ZB_ERR_PARSE:
    case ZB_ERR_INVALID:
        return EXIT_INVALID;
    default:
        return EXIT_USAGE;
    }
}
