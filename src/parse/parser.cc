#include "parse/parser.h"

#include <algorithm>

#include "core/paths.h"

namespace dateline {
namespace {

const uint64_t kNone = HashBytes("<none>");
const uint64_t kRootWord = HashBytes("<root>");
const uint64_t kRootTag = HashBytes("ROOT");

inline uint64_t DistBucket(int d) {
  if (d < 0) return 0;
  if (d <= 5) return static_cast<uint64_t>(d);
  return d <= 10 ? 6 : 7;
}

}  // namespace

ParseTokenInfo ComputeParseTokenInfo(std::string_view form, std::string_view upos, std::string_view xpos) {
  char buf[64];
  const size_t n = std::min(form.size(), sizeof(buf));
  for (size_t i = 0; i < n; ++i) {
    char c = form[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  ParseTokenInfo t;
  t.word = HashBytes(std::string_view(buf, n));
  t.upos = Mix(HashBytes(upos), 1);
  t.xpos = HashBytes(xpos);
  t.suf3 = Mix(HashBytes(std::string_view(buf, n).substr(n > 3 ? n - 3 : 0)), 3);
  return t;
}

void ParserFeatures(const ParserState& s, const ParseTokenInfo* toks, FeatureBuffer<128>* out) {
  const int n = s.n;
  auto W = [&](int i) { return i < 0 ? kNone : (i == n ? kRootWord : toks[i].word); };
  auto P = [&](int i) { return i < 0 ? kNone : (i == n ? kRootTag : toks[i].xpos); };
  auto U = [&](int i) { return i < 0 ? kNone : (i == n ? kRootTag : toks[i].upos); };
  auto L = [&](int i) { return i < 0 ? uint64_t{0} : static_cast<uint64_t>(s.label[i] + 1); };
  auto C = [](const std::vector<int>& v, int i) { return i < 0 ? -1 : v[i]; };
  const int s0 = s.S(0), s1 = s.S(1), s2 = s.S(2);
  const int b0 = s.b, b1 = s.b + 1 <= n ? s.b + 1 : -1, b2 = s.b + 2 <= n ? s.b + 2 : -1;
  const int s0l = C(s.lc1, s0), s0r = C(s.rc1, s0), s0l2 = C(s.lc2, s0), s0r2 = C(s.rc2, s0);
  const int s1l = C(s.lc1, s1), s1r = C(s.rc1, s1), b0l = C(s.lc1, b0), b0l2 = C(s.lc2, b0);
  const uint64_t s0w = W(s0), s0p = P(s0), s1w = W(s1), s1p = P(s1), b0w = W(b0), b0p = P(b0);
  const uint64_t b1w = W(b1), b1p = P(b1), b2p = P(b2), s2p = P(s2);
  const uint64_t s0wp = Mix(s0w, s0p), s1wp = Mix(s1w, s1p), b0wp = Mix(b0w, b0p), b1wp = Mix(b1w, b1p);
  const uint64_t d = s0 >= 0 ? DistBucket(b0 - s0) : 0;
  const uint64_t d10 = (s1 >= 0 && s0 >= 0) ? DistBucket(s0 - s1) : 0;
  const uint64_t s0nl = s0 >= 0 ? s.nl[s0] : 99, s0nr = s0 >= 0 ? s.nr[s0] : 99;
  const uint64_t s1nl = s1 >= 0 ? s.nl[s1] : 99, s1nr = s1 >= 0 ? s.nr[s1] : 99;
  const uint64_t b0nl = s.nl[b0];
  uint32_t t = 0;
  // Single words.
  out->Add(Feat(++t, s0w));
  out->Add(Feat(++t, s0p));
  out->Add(Feat(++t, s0wp));
  out->Add(Feat(++t, s1w));
  out->Add(Feat(++t, s1p));
  out->Add(Feat(++t, s1wp));
  out->Add(Feat(++t, b0w));
  out->Add(Feat(++t, b0p));
  out->Add(Feat(++t, b0wp));
  out->Add(Feat(++t, b1w));
  out->Add(Feat(++t, b1p));
  out->Add(Feat(++t, b1wp));
  out->Add(Feat(++t, b2p));
  out->Add(Feat(++t, s2p));
  out->Add(Feat(++t, U(s0)));
  out->Add(Feat(++t, U(b0)));
  out->Add(Feat(++t, U(s1)));
  // Pairs.
  out->Add(Feat(++t, s0wp, b0wp));
  out->Add(Feat(++t, s0wp, b0w));
  out->Add(Feat(++t, s0w, b0wp));
  out->Add(Feat(++t, s0wp, b0p));
  out->Add(Feat(++t, s0p, b0wp));
  out->Add(Feat(++t, s0w, b0w));
  out->Add(Feat(++t, s0p, b0p));
  out->Add(Feat(++t, b0p, b1p));
  out->Add(Feat(++t, s1wp, s0wp));
  out->Add(Feat(++t, s1p, s0p));
  out->Add(Feat(++t, s1w, s0w));
  out->Add(Feat(++t, s1p, s0w));
  out->Add(Feat(++t, s1w, s0p));
  // Triples.
  out->Add(Feat(++t, b0p, b1p, b2p));
  out->Add(Feat(++t, s0p, b0p, b1p));
  out->Add(Feat(++t, s1p, s0p, b0p));
  out->Add(Feat(++t, s2p, s1p, s0p));
  out->Add(Feat(++t, s1p, s0p, b1p));
  // Distance.
  out->Add(Feat(++t, s0w, d));
  out->Add(Feat(++t, s0p, d));
  out->Add(Feat(++t, b0w, d));
  out->Add(Feat(++t, b0p, d));
  out->Add(Feat(++t, s0w, b0w, d));
  out->Add(Feat(++t, s0p, b0p, d));
  out->Add(Feat(++t, s1p, s0p, d10));
  out->Add(Feat(++t, s1w, s0w, d10));
  // Valency.
  out->Add(Feat(++t, s0w, s0nr));
  out->Add(Feat(++t, s0p, s0nr));
  out->Add(Feat(++t, s0w, s0nl));
  out->Add(Feat(++t, s0p, s0nl));
  out->Add(Feat(++t, b0w, b0nl));
  out->Add(Feat(++t, b0p, b0nl));
  out->Add(Feat(++t, s1p, s1nr));
  out->Add(Feat(++t, s1p, s1nl));
  // Dependents.
  out->Add(Feat(++t, W(s0l)));
  out->Add(Feat(++t, P(s0l)));
  out->Add(Feat(++t, L(s0l)));
  out->Add(Feat(++t, W(s0r)));
  out->Add(Feat(++t, P(s0r)));
  out->Add(Feat(++t, L(s0r)));
  out->Add(Feat(++t, W(b0l)));
  out->Add(Feat(++t, P(b0l)));
  out->Add(Feat(++t, L(b0l)));
  out->Add(Feat(++t, P(s1l)));
  out->Add(Feat(++t, L(s1l)));
  out->Add(Feat(++t, P(s1r)));
  out->Add(Feat(++t, L(s1r)));
  out->Add(Feat(++t, P(s0l2)));
  out->Add(Feat(++t, L(s0l2)));
  out->Add(Feat(++t, P(s0r2)));
  out->Add(Feat(++t, L(s0r2)));
  out->Add(Feat(++t, P(b0l2)));
  out->Add(Feat(++t, L(b0l2)));
  out->Add(Feat(++t, s0p, P(s0l), P(s0l2)));
  out->Add(Feat(++t, s0p, P(s0r), P(s0r2)));
  out->Add(Feat(++t, b0p, P(b0l), P(b0l2)));
  out->Add(Feat(++t, s0w, L(s0l), L(s0l2)));
  out->Add(Feat(++t, s0w, L(s0r), L(s0r2)));
  out->Add(Feat(++t, b0w, L(b0l), L(b0l2)));
  out->Add(Feat(++t, s0p, P(s0l), b0p));
  out->Add(Feat(++t, s0p, P(s0r), b0p));
  out->Add(Feat(++t, s0p, b0p, P(b0l)));
  out->Add(Feat(++t, s1p, P(s1r), s0p));
  out->Add(Feat(++t, s0p, L(s0l), L(s0r)));
  out->Add(Feat(++t, s1p, s0p, b0p));
  out->Add(Feat(++t, U(s0), U(b0)));
  out->Add(Feat(++t, U(s1), U(s0)));
  out->Add(Feat(++t, U(s0), U(b0), U(b1)));
  auto S3 = [&](int i) { return i < 0 ? kNone : (i == n ? kRootWord : toks[i].suf3); };
  out->Add(Feat(++t, S3(s0), s0p));
  out->Add(Feat(++t, S3(b0), b0p));
  out->Add(Feat(++t, S3(s0), S3(b0)));
  out->Add(Feat(++t, U(s1), U(s0), U(b0)));
  out->Add(Feat(++t, U(s0), b0w));
  out->Add(Feat(++t, s0w, U(b0)));
}

std::string ParserModel::Payload() const {
  ByteWriter out;
  out.Strings(labels);
  weights.Write(&out);
  WriteSelfTests(self_tests, &out);
  return out.Release();
}

Status ParserModel::ReadPayload(std::string_view payload) {
  ByteReader in(payload);
  RETURN_IF_ERROR(in.Strings(&labels));
  if (labels.empty() || NumTransitions(static_cast<int>(labels.size())) > 256) {
    return Status::Corruption("parser: bad label count");
  }
  RETURN_IF_ERROR(weights.Read(&in));
  if (static_cast<int>(weights.num_classes()) != NumTransitions(static_cast<int>(labels.size()))) {
    return Status::Corruption("parser: transition count mismatch");
  }
  RETURN_IF_ERROR(ReadSelfTests(&in, &self_tests));
  if (!in.done()) return Status::Corruption("parser: trailing bytes in payload");
  return Status::OK();
}

// Versions:
//   1  (2026-11) first format: relation labels, quantised linear model over arc-hybrid transitions,
//      self-tests.
StatusOr<std::unique_ptr<Parser>> Parser::FromBytes(std::string_view bytes, const std::string& origin) {
  ParserModel model;
  std::string payload;
  RETURN_IF_ERROR(ParseModelBytes(bytes, "parser", kParserFormatVersion, origin, &model.manifest, &payload));
  Status s = model.ReadPayload(payload);
  if (!s.ok()) return Status::Corruption(origin + ": " + s.message());
  auto parser = std::make_unique<Parser>(std::move(model));
  RETURN_IF_ERROR(parser->SelfCheck(origin));
  return parser;
}

StatusOr<std::unique_ptr<Parser>> Parser::Load(const std::string& path) {
  ParserModel model;
  std::string payload;
  RETURN_IF_ERROR(ReadModelFile(path, "parser", kParserFormatVersion, &model.manifest, &payload));
  Status s = model.ReadPayload(payload);
  if (!s.ok()) return Status::Corruption(path + ": " + s.message());
  auto parser = std::make_unique<Parser>(std::move(model));
  RETURN_IF_ERROR(parser->SelfCheck(path));
  return parser;
}

void Parser::Parse(Sentence* sentence) const {
  thread_local ParserState state;
  thread_local std::vector<ParseTokenInfo> toks;
  const int n = static_cast<int>(sentence->tokens.size());
  if (n == 0) return;
  toks.resize(n);
  for (int i = 0; i < n; ++i) {
    const Token& t = sentence->tokens[i];
    toks[i] = ComputeParseTokenInfo(t.norm.empty() ? t.text : t.norm, t.upos, t.xpos);
  }
  const int num_labels = static_cast<int>(model_.labels.size());
  const int nt = NumTransitions(num_labels);
  state.Init(n);
  float scores[256];
  FeatureBuffer<128> fb;
  while (!state.Terminal()) {
    const bool ok[3] = {state.CanShift(), state.CanLeft(), state.CanRight()};
    if (!ok[1] && !ok[2]) {  // SHIFT is the only valid move (empty stack): nothing to score
      state.Apply(Move::kShift, -1);
      continue;
    }
    fb.Clear();
    ParserFeatures(state, toks.data(), &fb);
    std::fill(scores, scores + nt, 0.0f);
    // Only the valid moves are scored: classes are SHIFT, then LEFT(l), then RIGHT(l), and LEFT without
    // SHIFT or RIGHT happens only with RIGHT alone (the buffer is at the root).
    const uint32_t lo = ok[1] ? (ok[0] ? 0 : 1) : static_cast<uint32_t>(num_labels + 1);
    const uint32_t hi = ok[2] ? static_cast<uint32_t>(nt) : static_cast<uint32_t>(num_labels + 1);
    model_.weights.ScoreRange(fb.f, fb.n, lo, hi, scores);
    int best = -1;
    for (int c = 0; c < nt; ++c) {
      if (!ok[static_cast<int>(MoveOf(c, num_labels))]) continue;
      if (best < 0 || scores[c] > scores[best]) best = c;
    }
    state.Apply(MoveOf(best, num_labels), LabelOf(best, num_labels));
  }
  for (int i = 0; i < n; ++i) {
    Token& t = sentence->tokens[i];
    if (state.head[i] == n) {
      t.head = -1;
      t.deprel = "root";
    } else {
      t.head = state.head[i];
      t.deprel = model_.labels[state.label[i]];
    }
  }
}

Status Parser::SelfCheck(const std::string& origin) const {
  size_t total = 0, same = 0;
  Sentence s;
  for (const SelfTest& test : model_.self_tests) {
    s.tokens.assign(test.words.size(), Token());
    for (size_t i = 0; i < test.words.size(); ++i) {
      const std::string& w = test.words[i];
      size_t a = w.find('\t'), b = a == std::string::npos ? a : w.find('\t', a + 1);
      if (b == std::string::npos) return Status::Corruption(origin + ": malformed parser self-test");
      s.tokens[i].text = w.substr(0, a);
      s.tokens[i].upos = w.substr(a + 1, b - a - 1);
      s.tokens[i].xpos = w.substr(b + 1);
    }
    Parse(&s);
    for (size_t i = 0; i < test.words.size(); ++i) {
      ++total;
      same += test.expected[i] == std::to_string(s.tokens[i].head) + "\t" + s.tokens[i].deprel;
    }
  }
  return CheckSelfTest(origin, "parser", same, total, 90);
}

StatusOr<std::shared_ptr<const Parser>> SharedParser() {
  return LoadShared<Parser>(DataPath("models/parser.dlm"));
}

void ClearParse(Sentence* sentence) {
  for (Token& t : sentence->tokens) {
    t.head = -1;
    t.deprel.clear();
  }
}

bool IsParsed(const Sentence& sentence) {
  for (const Token& t : sentence.tokens) {
    if (!t.deprel.empty()) return true;
  }
  return false;
}

namespace {

// The "parse" stage with a sentence filter.
class FilteredParseAnnotator final : public Annotator {
 public:
  FilteredParseAnnotator(std::shared_ptr<const Parser> parser, std::function<bool(const Sentence&)> only_if)
      : parser_(std::move(parser)), only_if_(std::move(only_if)) {}
  const char* name() const override { return "parse"; }
  Status Annotate(Document* doc) const override {
    for (Sentence& s : doc->sentences) {
      if (only_if_(s)) {
        parser_->Parse(&s);
      } else {
        ClearParse(&s);
      }
    }
    return Status::OK();
  }

 private:
  std::shared_ptr<const Parser> parser_;
  std::function<bool(const Sentence&)> only_if_;
};

}  // namespace

StatusOr<std::unique_ptr<Annotator>> MakeParseAnnotator(const ParseAnnotatorOptions& options) {
  ASSIGN_OR_RETURN(auto parser, SharedParser());
  if (options.only_if) {
    return std::unique_ptr<Annotator>(new FilteredParseAnnotator(std::move(parser), options.only_if));
  }
  return std::unique_ptr<Annotator>(
      new SentenceModelAnnotator<Parser, &Parser::Parse>("parse", std::move(parser)));
}

}  // namespace dateline
