// The document pass over the name model's output: a name is the same name wherever the document
// writes it, not only where the model happened to see it (issue #5).
#pragma once

#include <vector>

#include "entities/ner.h"

namespace maqal::entities {

// The model's names made consistent over a document. First the model's false names go
// (drop_false_names(): descriptions, verbs, a list line's label and common words), names whose first
// or last words say their type take it (type_by_head(): "Stanford University"), two persons side by
// side with nothing between them become one ("van | Nistelrooy"; not when the second is written
// with a conjunction: "…و"), a byline's names of several words are persons, and names an
// apposition describes take its type
// (type_by_apposition()); then ner::propagate() (a person's last
// name standing alone, found or retyped as that person), after which mentions of common terms only
// go (common_terms_only(): "AI" is no one's last name); then every name the model found, compared
// as its folded name_norm() (without the clitics written onto it; a name of several words as a
// whole), is a name of the same type where the document writes it again and the model left it
// untagged; of a name given two types, the type given more often (a tie: neither). A one-word name
// spreads only when the model found it at least twice, always with the same type (one word tagged
// once, or as a place here and an organization there, is as often the model's mistake: on the
// English dev split, spreading those only spread wrong types), and never when it is a function word
// or a title word (core/lang/*/function_words.tsv, titles.tsv). Names of a list line (list_line())
// do not spread. In Latin script, an occurrence written in lower case is no name. Added mentions
// cover the whole written words, clitics included (their norm, name_norm(), is the bare name).
// `in_document`, when given, answers whether a folded word is one of the sequences' (name_norm()'s
// evidence); else their words are gathered on the first question.
void make_names_consistent(std::vector<ner::Sequence>& document,
                           const ner::InDocument* in_document = nullptr);

}  // namespace maqal::entities
