// Internal to the extract stage: which way a clause points in time, read from the syntax
// layer (UD heads, relations, XPOS and morphology), so that a bare weekday or month is resolved
// forwards in "will meet on Friday" or "is meeting Friday" and backwards in "met on Friday".
#pragma once

#include <cstddef>

#include "core/document.h"

namespace crosscheck::extract {

enum class TimeDirection { kUnknown, kPast, kFuture };

// Direction of the clause that governs the token at byte `offset`: the verb reached through
// `head` (an infinitive or gerund hands over to the verb it complements), then its auxiliary
// chain ("will"/"shall"/"would"; "has"/"had" + participle; "is" + gerund; passive "is"/"was")
// and, without auxiliaries, its own tense. Present tense reads as future (news writes "the
// council meets Friday"). kUnknown when the sentence was not parsed or no verb governs the
// token. At most one pass over the sentence's tokens per step; at most 8 steps up the tree.
TimeDirection clause_direction(const Document& doc, uint32_t offset);

}  // namespace crosscheck::extract
