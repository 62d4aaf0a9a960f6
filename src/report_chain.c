/* report_chain.c: the chain check's breaks written out: as JSON for `samesong
 * check --json` and the "chain" of `samesong report --json`. */
#include "chain.h"
#include "json_out.h"
#include "report.h"

#include <stdlib.h>


void report_chain_json(struct strbuf *b, const struct chain_break *breaks, size_t count,
                       int only_step)
{
    strbuf_puts(b, "[");
    bool first = true;
    for (size_t i = 0; i < count; i++) {
        const struct chain_break *br = &breaks[i];
        if (only_step >= 0 && (int)br->step != only_step)
            continue;
        strbuf_puts(b, first ? "{" : ",{");
        first = false;
        json_out_key(b, "kind", true);
        json_out_string(b, chain_kind_id(br->kind));
        json_out_key(b, "step", false);
        json_out_string(b, session_steps[br->step].id);
        json_out_key(b, "item", false);
        if (br->item)
            json_out_string(b, br->item);
        else
            strbuf_puts(b, "null");
        if (br->capability) { /* a value theme resting on a capability not checked as today */
            json_out_key(b, "capability", false);
            json_out_string(b, br->capability);
            json_out_key(b, "tag", false);
            if (br->tag)
                json_out_string(b, br->tag);
            else
                strbuf_puts(b, "null"); /* untagged: nobody checked it */
        }
        char *said = chain_sentence(br);
        json_out_key(b, "message", false);
        json_out_string(b, said);
        free(said);
        strbuf_puts(b, "}");
    }
    strbuf_puts(b, "]");
}
