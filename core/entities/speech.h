// Reported speech cues (core/lang/*/speech_verbs.tsv): what quotes take speakers from and what
// tells the role stage that a paragraph goes on from the one before.
#pragma once

#include <cstddef>

#include "text/tokens.h"

namespace maqal::entities {

// قال، أكد، said, told … looking past clitics (وقال).
bool is_speech_verb(const text::Token& token);

// A speech verb whose name after it is whom the speaker addresses (speech_verbs.tsv "listener":
// "told", "asked"), not the speaker.
bool addresses_listener(const text::Token& token);

// A paragraph opening that carries on the previous speaker: a speech verb written with a
// conjunction ("وأضافت", "فتابع") or a pronoun and a speech verb ("He added"), from tokens[from].
bool continues_speech(const text::Tokens& tokens, std::size_t from = 0);

// The words of a source quoted through whoever reports it (core/lang/*/quoted_sources.tsv): the
// word naming the source ("عن", "quoted") and the word quoting it ("قوله", "saying").
bool names_quoted_source(const text::Token& token);
bool quotes_source(const text::Token& token);

// Whether the token is a pronoun that names a person ("he", "she": pronouns.tsv "person" rows).
bool person_pronoun(const text::Token& token);

}  // namespace maqal::entities
