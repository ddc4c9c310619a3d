#include "catalog/catalog_search.h"

#include <algorithm>
#include <cctype>
#include <functional>

#include "catalog/vietnamese_fold.h"

namespace dvc::catalog {

namespace {

// Where a word matched counts this much (a name word means more than an agency word).
constexpr double kNameWeight = 3.0;
constexpr double kKeywordWeight = 2.6;
constexpr double kFieldWeight = 1.2;
constexpr double kAgencyWeight = 0.8;
// The whole query as consecutive words of the name or of one keyword phrase.
constexpr double kPhraseBonus = 3.0;
// The query is exactly one of the procedure's keyword phrases: what citizens call it.
constexpr double kExactKeywordBonus = 4.0;
constexpr double kMaxPhraseBonus = kPhraseBonus + kExactKeywordBonus;
constexpr std::uint8_t kInName = 1, kInKeyword = 2, kInOther = 4;
// Among equals, the shorter (more general) procedure first.
constexpr double kLengthPenalty = 0.04;
constexpr std::size_t kMaxCandidates = 20000;
// A procedure must match at least half of the query's words to be shown at all.
constexpr double kMinCoverage = 0.5;
constexpr double kNoMatch = -1e9;

int maxTypos(std::size_t length) {
    return length < 2 ? 0 : length < 5 ? 1 : 2;
}

std::string ftsTerm(const std::string& term) {
    return "\"" + term + "\"";
}

bool looksLikeCode(const std::string& q) {
    if (q.empty() || q.size() > 40) return false;
    bool digit = false;
    for (char c : q) {
        if (c >= '0' && c <= '9')
            digit = true;
        else if (c != '.')
            return false;
    }
    return digit && (q.find('.') != std::string::npos || q.size() >= 3);
}

std::string trimmed(const std::string& s) {
    auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    auto e = s.find_last_not_of(" \t");
    return s.substr(b, e - b + 1);
}

}  // namespace

int editDistance(const std::string& a, const std::string& b, int limit) {
    const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
    if (std::abs(n - m) > limit) return limit + 1;
    std::vector<int> prev2(static_cast<std::size_t>(m) + 1), prev(prev2.size()), cur(prev2.size());
    for (int j = 0; j <= m; ++j) prev[static_cast<std::size_t>(j)] = j;
    for (int i = 1; i <= n; ++i) {
        cur[0] = i;
        int rowMin = cur[0];
        for (int j = 1; j <= m; ++j) {
            auto J = static_cast<std::size_t>(j);
            auto I = static_cast<std::size_t>(i);
            int cost = a[I - 1] == b[J - 1] ? 0 : 1;
            int v = std::min({prev[J] + 1, cur[J - 1] + 1, prev[J - 1] + cost});
            if (i > 1 && j > 1 && a[I - 1] == b[J - 2] && a[I - 2] == b[J - 1])
                v = std::min(v, prev2[J - 2] + 1);
            cur[J] = v;
            rowMin = std::min(rowMin, v);
        }
        if (rowMin > limit) return limit + 1;
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return std::min(prev[static_cast<std::size_t>(m)], limit + 1);
}

struct CatalogSearch::Group {
    std::string word;
    bool prefix = false;  // the word is still being typed
    int exact = -1;
    const std::vector<int>* fuzzy = nullptr;
    std::vector<float> memo;  // quality by term id; negative: not computed yet

    bool empty(const std::vector<std::pair<std::string, int>>& sorted) const {
        if (exact >= 0 || !fuzzy->empty()) return false;
        if (!prefix) return true;
        auto it = std::lower_bound(sorted.begin(), sorted.end(), std::make_pair(word, -1));
        return it == sorted.end() || !it->first.starts_with(word);
    }

    // How well a vocabulary term stands for this word: 1 exact, less for a prefix or a typo.
    float quality(int id, const std::vector<std::string>& terms) {
        auto& q = memo[static_cast<std::size_t>(id)];
        if (q >= 0) return q;
        const std::string& term = terms[static_cast<std::size_t>(id)];
        if (id == exact)
            q = 1.0f;
        else if (prefix && term.starts_with(word))
            q = 0.55f + 0.4f * static_cast<float>(word.size()) / static_cast<float>(term.size());
        else if (std::find(fuzzy->begin(), fuzzy->end(), id) != fuzzy->end())
            q = editDistance(word, term, 1) <= 1 ? 0.7f : 0.5f;
        else
            q = 0.0f;
        return q;
    }
};

CatalogSearch::CatalogSearch(CatalogStore& store) : store_(store) {}

int CatalogSearch::termIdLocked(const std::string& term) {
    auto [it, added] = termIds_.emplace(term, static_cast<int>(terms_.size()));
    if (added) terms_.push_back(term);
    return it->second;
}

std::vector<int> CatalogSearch::idsLocked(const std::string& text) {
    std::vector<int> ids;
    for (const auto& w : foldedWords(text)) ids.push_back(termIdLocked(w));
    return ids;
}

void CatalogSearch::refreshLocked() {
    auto generation = store_.generation();
    if (generation == generation_) return;
    documents_.clear();
    byRowid_.clear();
    termIds_.clear();
    terms_.clear();
    fuzzyCache_.clear();
    for (auto& p : store_.indexedProcedures()) {
        Document d;
        d.rowid = p.rowid;
        d.name = idsLocked(p.summary.name);
        for (const auto& k : p.summary.keywords) d.keywords.push_back(idsLocked(k));
        d.field = idsLocked(p.summary.field);
        d.agency = idsLocked(p.summary.agency);
        d.foldedCode = p.summary.code;
        d.summary = std::move(p.summary);
        for (const auto& k : d.keywords) d.oneWordKeyword = d.oneWordKeyword || k.size() == 1;
        if (d.rowid >= 0 && d.rowid < (std::int64_t{1} << 30)) {
            if (static_cast<std::size_t>(d.rowid) >= byRowid_.size())
                byRowid_.resize(static_cast<std::size_t>(d.rowid) + 1, -1);
            byRowid_[static_cast<std::size_t>(d.rowid)] =
                static_cast<std::int32_t>(documents_.size());
        }
        documents_.push_back(std::move(d));
    }
    postings_.assign(terms_.size(), {});
    for (std::size_t i = 0; i < documents_.size(); ++i) {
        const auto& d = documents_[i];
        auto post = [&](const std::vector<int>& ids, double weight, std::uint8_t column) {
            for (int id : ids) {
                auto& list = postings_[static_cast<std::size_t>(id)];
                if (!list.empty() && list.back().document == i) {
                    list.back().weight = std::max(list.back().weight, static_cast<float>(weight));
                    list.back().columns |= column;
                } else {
                    list.push_back(
                        {static_cast<std::uint32_t>(i), static_cast<float>(weight), column});
                }
            }
        };
        post(d.name, kNameWeight, kInName);
        for (const auto& k : d.keywords) post(k, kKeywordWeight, kInKeyword);
        post(d.field, kFieldWeight, kInOther);
        post(d.agency, kAgencyWeight, kInOther);
    }
    sortedTerms_.clear();
    for (std::size_t i = 0; i < terms_.size(); ++i)
        sortedTerms_.emplace_back(terms_[i], static_cast<int>(i));
    std::sort(sortedTerms_.begin(), sortedTerms_.end());
    generation_ = generation;
}

const std::vector<int>& CatalogSearch::fuzzyLocked(const std::string& word) {
    auto it = fuzzyCache_.find(word);
    if (it != fuzzyCache_.end()) return it->second;
    std::vector<int> ids;
    int limit = maxTypos(word.size());
    if (limit > 0 && !termIds_.count(word)) {
        for (std::size_t i = 0; i < terms_.size(); ++i) {
            const auto& t = terms_[i];
            if (std::abs(static_cast<int>(t.size()) - static_cast<int>(word.size())) > limit)
                continue;
            if (editDistance(word, t, limit) <= limit) ids.push_back(static_cast<int>(i));
        }
    }
    if (fuzzyCache_.size() > 4096) fuzzyCache_.clear();
    return fuzzyCache_.emplace(word, std::move(ids)).first->second;
}

void CatalogSearch::baseScoresLocked(std::vector<Group>& groups) {
    const std::size_t n = documents_.size();
    best_.assign(n * groups.size(), 0.0f);
    columns_.assign(n * groups.size(), 0);
    for (std::size_t g = 0; g < groups.size(); ++g) {
        auto& group = groups[g];
        float* row = best_.data() + g * n;
        std::uint8_t* cols = columns_.data() + g * n;
        auto accumulate = [&](int id) {
            float q = group.quality(id, terms_);
            if (q <= 0) return;
            for (const auto& p : postings_[static_cast<std::size_t>(id)]) {
                row[p.document] = std::max(row[p.document], q * p.weight);
                cols[p.document] |= p.columns;
            }
        };
        if (group.prefix) {
            auto it = std::lower_bound(sortedTerms_.begin(), sortedTerms_.end(),
                                       std::make_pair(group.word, -1));
            for (; it != sortedTerms_.end() && it->first.starts_with(group.word); ++it)
                accumulate(it->second);
        } else if (group.exact >= 0) {
            accumulate(group.exact);
        }
        for (int id : *group.fuzzy) accumulate(id);
    }
}

double CatalogSearch::phraseBonusLocked(const Document& doc, std::vector<Group>& groups) {
    // The query's words in order, next to each other, somewhere in `ids`.
    auto phraseAt = [&](const std::vector<int>& ids) -> std::ptrdiff_t {
        if (groups.empty() || ids.size() < groups.size()) return -1;
        for (std::size_t start = 0; start + groups.size() <= ids.size(); ++start) {
            bool all = true;
            for (std::size_t i = 0; all && i < groups.size(); ++i)
                all = groups[i].quality(ids[start + i], terms_) > 0;
            if (all) return static_cast<std::ptrdiff_t>(start);
        }
        return -1;
    };
    double phrase = 0;
    if (groups.size() > 1 && phraseAt(doc.name) >= 0) phrase = kPhraseBonus;
    for (const auto& k : doc.keywords) {
        auto at = phraseAt(k);
        if (at < 0) continue;
        if (groups.size() > 1) phrase = std::max(phrase, kPhraseBonus);
        if (at == 0 && k.size() == groups.size())
            phrase = std::max(phrase, kPhraseBonus + kExactKeywordBonus);
    }
    return phrase;
}

void CatalogSearch::prepare() {
    std::lock_guard lock(mutex_);
    refreshLocked();
}

std::vector<SearchHit> CatalogSearch::search(const std::string& query, std::size_t limit) {
    std::lock_guard lock(mutex_);
    refreshLocked();
    std::vector<SearchHit> hits;
    if (limit == 0) return hits;

    // A procedure code ("1.001193", or its beginning) finds that procedure directly.
    std::string code = trimmed(query);
    if (looksLikeCode(code)) {
        for (const auto& d : documents_)
            if (d.foldedCode.starts_with(code))
                hits.push_back({d.summary, 100.0 - static_cast<double>(d.foldedCode.size())});
    }

    auto words = foldedWords(query);
    if (words.empty()) return hits;
    // A trailing space or punctuation ends the last word; a letter (or a UTF-8 byte of one)
    // means it is still being typed and counts as a prefix.
    const auto last = static_cast<unsigned char>(query.back());
    const bool typing = last >= 0x80 || std::isalnum(last);

    std::vector<Group> groups;
    std::string allOf, anyOf;
    for (std::size_t i = 0; i < words.size(); ++i) {
        Group g;
        g.word = words[i];
        g.prefix = typing && i + 1 == words.size();
        if (auto it = termIds_.find(g.word); it != termIds_.end()) g.exact = it->second;
        g.fuzzy = &fuzzyLocked(g.word);
        if (g.empty(sortedTerms_)) continue;  // matches nothing: only lowers the coverage
        g.memo.assign(terms_.size(), -1.0f);
        std::string alternatives;
        auto add = [&](const std::string& a) {
            alternatives += (alternatives.empty() ? "" : " OR ") + a;
        };
        if (g.exact >= 0) add(ftsTerm(g.word));
        if (g.prefix) add(ftsTerm(g.word) + "*");
        for (int id : *g.fuzzy) add(ftsTerm(terms_[static_cast<std::size_t>(id)]));
        allOf += (allOf.empty() ? "" : " AND ") + ("(" + alternatives + ")");
        anyOf += (anyOf.empty() ? "" : " OR ") + ("(" + alternatives + ")");
        groups.push_back(std::move(g));
    }
    if (groups.empty()) return hits;

    auto rows = store_.match(allOf, kMaxCandidates);
    if (rows && rows->empty() && groups.size() > 1) rows = store_.match(anyOf, kMaxCandidates);
    if (!rows) return hits;

    // Base score of every candidate from the postings; then the phrase bonus, which can only
    // add up to kMaxPhraseBonus, for the best ones and for any other that could still overtake
    // the last of them.
    baseScoresLocked(groups);
    const std::size_t n = documents_.size();
    const bool phrases = groups.size() == words.size();
    std::vector<std::pair<double, std::size_t>> scored;
    scored.reserve(rows->size());
    // The most the phrase bonus could add to one document: nothing unless every word matched
    // in the name or in the keywords (a single word: only a one-word keyword can equal it).
    auto bonusBound = [&](std::size_t doc) {
        if (!phrases) return 0.0;
        std::uint8_t all = kInName | kInKeyword;
        for (std::size_t g = 0; g < groups.size(); ++g) all &= columns_[g * n + doc];
        if (groups.size() == 1)
            return (all & kInKeyword) && documents_[doc].oneWordKeyword ? kMaxPhraseBonus : 0.0;
        return all ? kMaxPhraseBonus : 0.0;
    };
    for (auto rowid : *rows) {
        if (rowid < 0 || static_cast<std::uint64_t>(rowid) >= byRowid_.size()) continue;
        const auto index = byRowid_[static_cast<std::size_t>(rowid)];
        if (index < 0) continue;  // changed under us; the next keystroke refreshes
        const auto doc = static_cast<std::size_t>(index);
        double total = 0;
        std::size_t matched = 0;
        for (std::size_t g = 0; g < groups.size(); ++g) {
            float b = best_[g * n + doc];
            total += b;
            matched += b > 0 ? 1 : 0;
        }
        double coverage = static_cast<double>(matched) / static_cast<double>(words.size());
        if (coverage < kMinCoverage) continue;
        scored.emplace_back(total * coverage * coverage -
                                kLengthPenalty * static_cast<double>(documents_[doc].name.size()),
                            doc);
    }
    auto better = [&](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first > b.first;
        return documents_[a.second].summary.code < documents_[b.second].summary.code;
    };
    std::size_t keep = std::min(limit, scored.size());
    if (phrases && keep > 0) {
        std::size_t head = std::min(scored.size(), keep + 20);
        std::nth_element(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(head - 1),
                         scored.end(), better);
        std::vector<double> finals;
        for (std::size_t i = 0; i < head; ++i) {
            if (bonusBound(scored[i].second) > 0)
                scored[i].first += phraseBonusLocked(documents_[scored[i].second], groups);
            finals.push_back(scored[i].first);
        }
        std::nth_element(finals.begin(), finals.begin() + static_cast<std::ptrdiff_t>(keep - 1),
                         finals.end(), std::greater<>());
        const double lastKept = finals[keep - 1];
        for (std::size_t i = head; i < scored.size(); ++i)
            if (scored[i].first + bonusBound(scored[i].second) >= lastKept &&
                bonusBound(scored[i].second) > 0)
                scored[i].first += phraseBonusLocked(documents_[scored[i].second], groups);
    }
    std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(keep),
                      scored.end(), better);
    for (std::size_t i = 0; i < keep; ++i) {
        const auto& d = documents_[scored[i].second];
        bool already = std::any_of(hits.begin(), hits.end(), [&](const SearchHit& h) {
            return h.procedure.code == d.summary.code;
        });
        if (!already) hits.push_back({d.summary, scored[i].first});
    }
    if (hits.size() > limit) hits.resize(limit);
    return hits;
}

}  // namespace dvc::catalog
