#include "core/ud.h"

#include <gtest/gtest.h>

namespace crosscheck {
namespace {

TEST(Ud, EveryTableNameRoundTrips) {
  for (size_t i = 1; i < xpos_tag_names().size(); ++i)
    EXPECT_EQ(xpos_tag_from_name(xpos_tag_names()[i]), i) << xpos_tag_names()[i];
  for (size_t i = 1; i < deprel_names().size(); ++i)
    EXPECT_EQ(deprel_from_name(deprel_names()[i]), i) << deprel_names()[i];
  for (int i = 1; i <= static_cast<int>(Upos::kX); ++i)
    EXPECT_EQ(upos_from_name(upos_name(static_cast<Upos>(i))), static_cast<Upos>(i));
}

TEST(Ud, UnknownNamesAreNoneAndUnknownSubtypesFallBackToTheirBase) {
  EXPECT_EQ(upos_from_name("NOPE"), Upos::kNone);
  EXPECT_EQ(xpos_tag_from_name("ZZZ"), 0);
  EXPECT_EQ(deprel_name(deprel_from_name("nsubj:made-up")), "nsubj");
  EXPECT_EQ(deprel_from_name("made-up"), 0);
  EXPECT_EQ(deprel_base(deprel_from_name("obl:tmod")), "obl");
  EXPECT_EQ(deprel_name(250), "_");
}

TEST(Ud, FeatsReadAndWrittenInUdOrder) {
  Morph morph = morph_from_feats("VerbForm=Fin|Tense=Past|Mood=Ind|Person=3|Number=Sing|Foo=Bar");
  EXPECT_EQ(morph.tense, Tense::kPast);
  EXPECT_EQ(morph.person, 3);
  EXPECT_EQ(feats_string(morph), "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin");
  EXPECT_EQ(feats_string(Morph{}), "_");
  EXPECT_EQ(morph_from_feats("_"), Morph{});
  EXPECT_TRUE(morph_from_feats("Polarity=Neg").negative);
  EXPECT_EQ(morph_from_feats("Voice=Pass|VerbForm=Part").voice, Voice::kPass);
}

}  // namespace
}  // namespace crosscheck
