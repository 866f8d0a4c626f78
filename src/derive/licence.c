#include "licence.h"

void licence_days(const zb_software *sw, zb_date *first, zb_date *last)
{
    const zb_commercial *c = &sw->commercial;
    *first = c->donated ? 0 : c->purchased;
    *last = c->term_end ? c->term_end : LICENCE_NO_END;
    if (c->disposed && date_add_days(c->disposed, -1) < *last)
        *last = date_add_days(c->disposed, -1);
}

int licence_held_on(const zb_software *sw, zb_date date)
{
    zb_date first, last;
    licence_days(sw, &first, &last);
    return first <= date && date <= last;
}
