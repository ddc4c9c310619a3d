#include "input/vietnamese_composer.h"

namespace dvc {

namespace {

using vn::Letter;
using vn::Mark;
using vn::Tone;

// The vowel nucleus of the open word: [begin, end). The u of "qu" and the i of "gi" before
// another vowel belong to the initial consonant ("quý", "giữ").
struct Nucleus {
    std::size_t begin = 0, end = 0;
    bool empty() const { return begin == end; }
};

Nucleus nucleusOf(const std::vector<Letter>& w) {
    std::size_t i = 0;
    while (i < w.size() && !vn::isVowel(w[i].base)) ++i;
    if (i == w.size()) return {i, i};
    bool nextIsVowel = i + 1 < w.size() && vn::isVowel(w[i + 1].base);
    if (i == 1 && nextIsVowel &&
        ((w[0].base == U'q' && w[1].base == U'u') || (w[0].base == U'g' && w[1].base == U'i')))
        ++i;
    std::size_t j = i;
    while (j < w.size() && vn::isVowel(w[j].base)) ++j;
    return {i, j};
}

std::size_t toneIndex(const std::vector<Letter>& w, Nucleus n, TonePlacement placement) {
    for (std::size_t k = n.begin; k < n.end; ++k)
        if (w[k].base == U'o' && w[k].mark == Mark::Horn) return k;  // ươ: on ơ
    for (std::size_t k = n.begin; k < n.end; ++k)
        if (w[k].mark == Mark::Circumflex || w[k].mark == Mark::Breve) return k;
    for (std::size_t k = n.begin; k < n.end; ++k)
        if (w[k].mark == Mark::Horn) return k;
    if (n.end < w.size()) return n.end - 1;  // a consonant closes the syllable
    std::size_t size = n.end - n.begin;
    if (size == 1) return n.begin;
    if (size >= 3) return n.begin + 1;
    char32_t a = w[n.begin].base, b = w[n.begin + 1].base;
    bool oaOeUy = (a == U'o' && (b == U'a' || b == U'e')) || (a == U'u' && b == U'y');
    return (oaOeUy && placement == TonePlacement::Modern) ? n.begin + 1 : n.begin;
}

std::optional<Tone> telexTone(char32_t lower) {
    switch (lower) {
        case U's':
            return Tone::Acute;
        case U'f':
            return Tone::Grave;
        case U'r':
            return Tone::Hook;
        case U'x':
            return Tone::Tilde;
        case U'j':
            return Tone::Dot;
        default:
            return std::nullopt;
    }
}

bool isAsciiLetter(char32_t c) {
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

}  // namespace

VietnameseComposer::VietnameseComposer(InputMethod method, TonePlacement placement)
    : method_(method), placement_(placement) {}

void VietnameseComposer::type(char32_t key) {
    bool loneWBefore = lastWasLoneW_;
    lastWasLoneW_ = false;
    if (isAsciiLetter(key)) {
        bool upper = key <= U'Z';
        char32_t lower = upper ? key + 32 : key;
        if (method_ == InputMethod::Telex && lower == U'w' && loneWBefore && !word_.empty()) {
            word_.pop_back();  // "ww": the lone ư becomes the w itself
            appendLiteral(key);
            return;
        }
        if (method_ == InputMethod::Telex && applyTelex(lower, upper)) return;
        appendLiteral(key);
        return;
    }
    if (method_ == InputMethod::Vni && key >= U'0' && key <= U'9' && applyVni(key)) return;
    if (auto letter = vn::decompose(key)) {
        // A precomposed letter from a key of its own: it joins the word, its tone becomes the
        // word's tone (re-placed by the spelling rules).
        if (letter->tone != Tone::None) tone_ = letter->tone;
        letter->tone = Tone::None;
        word_.push_back(*letter);
        placeTone();
        return;
    }
    commitWord();
    committed_ += key;
}

void VietnameseComposer::typeKeys(std::string_view keys) {
    for (char32_t c : vn::decodeUtf8(keys)) type(c);
}

bool VietnameseComposer::applyTelex(char32_t lower, bool upper) {
    char32_t key = upper ? lower - 32 : lower;
    if (auto tone = telexTone(lower)) return applyTone(*tone, key);
    switch (lower) {
        case U'z':
            if (tone_ == Tone::None) return false;
            tone_ = Tone::None;
            placeTone();
            return true;
        case U'a':
        case U'e':
        case U'o':
            return applyCircumflex(lower, key);
        case U'd':
            return applyStroke(key);
        case U'w': {
            if (applyHorn(key, true)) return true;
            if (!nucleusOf(word_).empty()) return false;
            word_.push_back({U'u', Mark::Horn, Tone::None, upper});  // a lone w is ư
            lastWasLoneW_ = true;
            placeTone();
            return true;
        }
        default:
            return false;
    }
}

bool VietnameseComposer::applyVni(char32_t digit) {
    switch (digit) {
        case U'1':
            return applyTone(Tone::Acute, digit);
        case U'2':
            return applyTone(Tone::Grave, digit);
        case U'3':
            return applyTone(Tone::Hook, digit);
        case U'4':
            return applyTone(Tone::Tilde, digit);
        case U'5':
            return applyTone(Tone::Dot, digit);
        case U'0':
            if (tone_ == Tone::None) return false;
            tone_ = Tone::None;
            placeTone();
            return true;
        case U'6':
            return applyCircumflex(0, digit);
        case U'7':
            return applyHorn(digit, false);
        case U'8':
            return applyBreve(digit);
        case U'9':
            return applyStroke(digit);
        default:
            return false;
    }
}

bool VietnameseComposer::applyTone(Tone tone, char32_t key) {
    if (nucleusOf(word_).empty()) return false;
    if (tone_ == tone) {  // pressed twice: undo and type the key itself
        tone_ = Tone::None;
        appendLiteral(key);
        return true;
    }
    tone_ = tone;
    placeTone();
    return true;
}

bool VietnameseComposer::applyCircumflex(char32_t base, char32_t key) {
    Nucleus n = nucleusOf(word_);
    for (std::size_t k = n.end; k-- > n.begin;) {
        Letter& l = word_[k];
        bool eligible =
            base ? l.base == base : (l.base == U'a' || l.base == U'e' || l.base == U'o');
        if (!eligible) continue;
        if (l.mark == Mark::Circumflex) {
            l.mark = Mark::None;
            appendLiteral(key);
        } else {
            l.mark = Mark::Circumflex;
            placeTone();
        }
        return true;
    }
    return false;
}

bool VietnameseComposer::applyHorn(char32_t key, bool breveToo) {
    Nucleus n = nucleusOf(word_);
    auto setOrUndo = [&](std::initializer_list<std::size_t> targets, Mark mark) {
        bool all = true;
        for (auto k : targets) all = all && word_[k].mark == mark;
        for (auto k : targets) word_[k].mark = all ? Mark::None : mark;
        if (all)
            appendLiteral(key);
        else
            placeTone();
        return true;
    };
    for (std::size_t k = n.begin; k + 1 < n.end; ++k)
        if (word_[k].base == U'u' && word_[k + 1].base == U'o')
            return setOrUndo({k, k + 1}, Mark::Horn);
    if (breveToo)
        for (std::size_t k = n.begin; k + 1 < n.end; ++k)
            if (word_[k].base == U'o' && word_[k + 1].base == U'a')
                return setOrUndo({k + 1}, Mark::Breve);
    for (std::size_t k = n.begin; k < n.end; ++k) {
        char32_t b = word_[k].base;
        if (b == U'u' || b == U'o') return setOrUndo({k}, Mark::Horn);
        if (breveToo && b == U'a') return setOrUndo({k}, Mark::Breve);
    }
    return false;
}

bool VietnameseComposer::applyBreve(char32_t key) {
    Nucleus n = nucleusOf(word_);
    for (std::size_t k = n.end; k-- > n.begin;) {
        if (word_[k].base != U'a') continue;
        if (word_[k].mark == Mark::Breve) {
            word_[k].mark = Mark::None;
            appendLiteral(key);
        } else {
            word_[k].mark = Mark::Breve;
            placeTone();
        }
        return true;
    }
    return false;
}

bool VietnameseComposer::applyStroke(char32_t key) {
    if (word_.empty() || word_[0].base != U'd') return false;
    if (word_[0].mark == Mark::Stroke) {
        word_[0].mark = Mark::None;
        appendLiteral(key);
    } else {
        word_[0].mark = Mark::Stroke;
    }
    return true;
}

void VietnameseComposer::appendLiteral(char32_t key) {
    auto letter = vn::decompose(key);
    if (!letter) {
        placeTone();  // an undo just changed the word: settle it before it closes
        commitWord();
        committed_ += key;
        return;
    }
    word_.push_back(*letter);
    placeTone();
}

void VietnameseComposer::placeTone() {
    for (auto& l : word_) l.tone = Tone::None;
    if (tone_ == Tone::None) return;
    Nucleus n = nucleusOf(word_);
    if (n.empty()) {
        tone_ = Tone::None;
        return;
    }
    word_[toneIndex(word_, n, placement_)].tone = tone_;
}

namespace {
std::u32string composeWord(const std::vector<Letter>& word) {
    std::u32string out;
    for (const auto& l : word) {
        if (auto cp = vn::compose(l))
            out += *cp;
        else
            out += l.upper ? l.base - 32 : l.base;
    }
    return out;
}
}  // namespace

void VietnameseComposer::commitWord() {
    committed_ += composeWord(word_);
    word_.clear();
    tone_ = Tone::None;
}

void VietnameseComposer::reopenLastWord() {
    std::size_t start = committed_.size();
    while (start > 0 && vn::decompose(committed_[start - 1])) --start;
    word_.clear();
    tone_ = Tone::None;
    for (std::size_t i = start; i < committed_.size(); ++i) {
        Letter l = *vn::decompose(committed_[i]);
        if (l.tone != Tone::None && tone_ == Tone::None) tone_ = l.tone;
        word_.push_back(l);  // tones stay where they were until a key changes the word
    }
    committed_.erase(start);
}

void VietnameseComposer::backspace() {
    lastWasLoneW_ = false;
    if (!word_.empty()) {
        bool heldTone = word_.back().tone != Tone::None;
        word_.pop_back();
        if (heldTone) tone_ = Tone::None;
        placeTone();
        return;
    }
    if (committed_.empty()) return;
    committed_.pop_back();
    reopenLastWord();
}

void VietnameseComposer::clear() {
    committed_.clear();
    word_.clear();
    tone_ = Tone::None;
    lastWasLoneW_ = false;
}

void VietnameseComposer::setText(std::string_view text) {
    clear();
    committed_ = vn::decodeUtf8(text);
    reopenLastWord();
}

std::string VietnameseComposer::text() const {
    return vn::encodeUtf8(committed_ + composeWord(word_));
}

void VietnameseComposer::setMethod(InputMethod method) {
    method_ = method;
    lastWasLoneW_ = false;
}

std::string typeTelex(std::string_view keys, TonePlacement placement) {
    VietnameseComposer c(InputMethod::Telex, placement);
    c.typeKeys(keys);
    return c.text();
}

std::string typeVni(std::string_view keys, TonePlacement placement) {
    VietnameseComposer c(InputMethod::Vni, placement);
    c.typeKeys(keys);
    return c.text();
}

}  // namespace dvc
