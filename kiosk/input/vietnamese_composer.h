#pragma once
// The on-screen keyboard's Vietnamese input method: Telex or VNI keystrokes in, NFC UTF-8 out.
// A pure state machine (no UI): the keyboard widget calls type()/backspace() and draws text().
//
// Telex: aa â, aw ă, ee ê, oo ô, ow ơ, uw ư, uow ươ, dd đ, a lone w → ư; tones s f r x j
// (sắc huyền hỏi ngã nặng), z removes the tone. VNI: 6 â ê ô, 7 ơ ư (uo7 ươ), 8 ă, 9 đ; tones
// 1 2 3 4 5, 0 removes the tone. Pressing a modifier twice undoes it and types the key itself
// ("ass" → "as", "aaa" → "aa", "a11" → "a1"). Modifiers may come anywhere after the vowel
// ("Nguyeenx", "Nguyenex" and "Nguyêxn" all give "Nguyễn").
//
// The tone always sits on the vowel the spelling rules name, re-placed after every key: on the
// vowel with a diacritic (ơ in ươ, ê, â, ô, ă, ư), else on the last vowel when a consonant
// ends the syllable ("hoàn", "quyết"), else the middle of three vowels ("ngoài") or the first
// of two ("mái", "mùa"). The open syllables oa, oe, uy follow TonePlacement (docs/forms.md).
#include <string>
#include <string_view>
#include <vector>

#include "input/vietnamese_letters.h"

namespace dvc {

enum class InputMethod { Telex, Vni, Off };

// Where the tone goes on open oa, oe, uy: Traditional "hòa, khỏe, thủy" (the spelling of the
// national population database and of official place names such as Hòa Bình, Thanh Hóa), or
// Modern "hoà, khoẻ, thuỷ" (Quy định 240/QĐ of 1984).
enum class TonePlacement { Traditional, Modern };

class VietnameseComposer {
  public:
    explicit VietnameseComposer(InputMethod method = InputMethod::Telex,
                                TonePlacement placement = TonePlacement::Traditional);

    // One key press: an ASCII letter, digit, space or punctuation; any other code point (a
    // precomposed letter from a key, a symbol) is taken as typed.
    void type(char32_t key);
    // Each code point of the UTF-8 string, in order (for tests and pasted keystrokes).
    void typeKeys(std::string_view keys);
    // Deletes the last character as shown (a toned letter goes at once). After deleting back
    // into an earlier word, that word takes modifiers again ("Nguyen␣⌫x" → "Nguyễn").
    void backspace();
    void clear();

    // Starts from existing text (a pre-filled value the citizen corrects); its last word is
    // open to modifiers.
    void setText(std::string_view text);
    std::string text() const;
    bool empty() const { return committed_.empty() && word_.empty(); }

    InputMethod method() const { return method_; }
    void setMethod(InputMethod method);
    TonePlacement placement() const { return placement_; }

  private:
    bool applyTelex(char32_t lower, bool upper);
    bool applyVni(char32_t digit);
    bool applyTone(vn::Tone tone, char32_t key);
    bool applyCircumflex(char32_t base, char32_t key);
    bool applyHorn(char32_t key, bool breveToo);
    bool applyBreve(char32_t key);
    bool applyStroke(char32_t key);
    void appendLiteral(char32_t key);
    void commitWord();
    void reopenLastWord();
    void placeTone();

    InputMethod method_;
    TonePlacement placement_;
    std::u32string committed_;
    std::vector<vn::Letter> word_;  // the open word; its tone is on at most one letter
    vn::Tone tone_ = vn::Tone::None;
    bool lastWasLoneW_ = false;  // Telex: a lone w made the last ư; "ww" gives a plain w
};

// Convenience for tests and tools: the text a fresh composer shows after these keystrokes.
std::string typeTelex(std::string_view keys, TonePlacement placement = TonePlacement::Traditional);
std::string typeVni(std::string_view keys, TonePlacement placement = TonePlacement::Traditional);

}  // namespace dvc
