#include "parse/parser_trainer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <random>

#include "tag/perceptron_trainer.h"
#include "tag/ud_eval.h"

namespace dateline {
namespace {

std::string Fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.2f", v);
  return buf;
}

Document ParseCopy(const Parser& parser, const Document& doc) {
  Document out = doc;
  for (Sentence& s : out.sentences) parser.Parse(&s);
  return out;
}

}  // namespace

Status JackknifeTags(Document* train, int folds, const TaggerTrainOptions& options, std::ostream* log) {
  if (folds < 2) return Status::OK();
  const size_t n = train->sentences.size();
  for (int f = 0; f < folds; ++f) {
    Document rest;
    for (size_t i = 0; i < n; ++i) {
      if (static_cast<int>(i % folds) != f) rest.sentences.push_back(train->sentences[i]);
    }
    ASSIGN_OR_RETURN(auto model, TrainTagger(rest, nullptr, options, nullptr));
    Tagger tagger(std::move(model));
    for (size_t i = f; i < n; i += folds) {
      Sentence s = train->sentences[i];
      tagger.Tag(&s);
      for (size_t k = 0; k < s.tokens.size(); ++k) {
        train->sentences[i].tokens[k].upos = s.tokens[k].upos;
        train->sentences[i].tokens[k].xpos = s.tokens[k].xpos;
      }
    }
    if (log) *log << "jackknife: fold " << (f + 1) << "/" << folds << " tagged" << std::endl;
  }
  return Status::OK();
}

StatusOr<ParserModel> TrainParser(const Document& train, const Document* dev, const ParserTrainOptions& options,
                                  std::ostream* log) {
  const auto t0 = std::chrono::steady_clock::now();
  ParserModel model;
  std::map<std::string, int> label_ids;
  for (const Sentence& s : train.sentences) {
    for (const Token& t : s.tokens) label_ids.emplace(t.deprel.empty() ? "dep" : t.deprel, 0);
  }
  if (label_ids.empty()) return Status::InvalidArgument("no training words");
  for (auto& [name, id] : label_ids) {
    id = static_cast<int>(model.labels.size());
    model.labels.push_back(name);
  }
  const int num_labels = static_cast<int>(model.labels.size());
  const int nt = NumTransitions(num_labels);
  if (nt > 256) return Status::InvalidArgument("too many dependency relations");

  // Gold heads (root = n) and labels; token attributes.
  struct Gold {
    std::vector<int> head, label;
    std::vector<ParseTokenInfo> info;
  };
  std::vector<Gold> gold(train.sentences.size());
  for (size_t si = 0; si < train.sentences.size(); ++si) {
    const auto& toks = train.sentences[si].tokens;
    const int n = static_cast<int>(toks.size());
    Gold& g = gold[si];
    g.head.assign(n + 1, -1);
    g.label.assign(n + 1, -1);
    for (int i = 0; i < n; ++i) {
      g.head[i] = toks[i].head < 0 ? n : toks[i].head;
      g.label[i] = label_ids[toks[i].deprel.empty() ? "dep" : toks[i].deprel];
      g.info.push_back(ComputeParseTokenInfo(toks[i].text, toks[i].upos, toks[i].xpos));
    }
  }

  AveragedPerceptron perceptron(static_cast<uint32_t>(nt));
  std::vector<size_t> order(train.sentences.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  ParserState state;
  FeatureBuffer<128> fb;
  std::vector<float> scores(nt);
  std::vector<int> cost(nt);
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t correct = 0, total = 0;
    const bool explore = epoch >= options.explore_from;
    for (size_t si : order) {
      const Gold& g = gold[si];
      const int n = static_cast<int>(g.info.size());
      if (n == 0) continue;
      state.Init(n);
      while (!state.Terminal()) {
        fb.Clear();
        ParserFeatures(state, g.info.data(), &fb);
        std::fill(scores.begin(), scores.end(), 0.0f);
        perceptron.Score(fb.f, fb.n, scores.data());
        int mc[3];
        MoveCosts(state, g.head, mc);
        const int s0 = state.S(0), s1 = state.S(1);
        int pred = -1, best = -1, min_cost = 1 << 30;
        for (int c = 0; c < nt; ++c) {
          const Move m = MoveOf(c, num_labels);
          if (!state.Valid(m)) {
            cost[c] = 1 << 30;
            continue;
          }
          int k = mc[static_cast<int>(m)];
          const int l = LabelOf(c, num_labels);
          if (m == Move::kLeft && g.head[s0] == state.b && l != g.label[s0]) ++k;
          if (m == Move::kRight && g.head[s0] == s1 && l != g.label[s0]) ++k;
          cost[c] = k;
          if (pred < 0 || scores[c] > scores[pred]) pred = c;
          if (k < min_cost || (k == min_cost && scores[c] > scores[best])) {
            min_cost = k;
            best = c;
          }
        }
        ++total;
        if (cost[pred] > min_cost) {
          perceptron.Update(fb.f, fb.n, static_cast<uint32_t>(best), static_cast<uint32_t>(pred));
        } else {
          ++correct;
        }
        perceptron.Tick();
        const int next = (explore && coin(rng) < options.explore_p) ? pred : best;
        state.Apply(MoveOf(next, num_labels), LabelOf(next, num_labels));
      }
    }
    if (log) {
      *log << "parser epoch " << epoch << ": transitions right " << Fmt(100.0 * correct / std::max<size_t>(1, total))
           << "% of " << total << ", features " << perceptron.num_features();
      if (dev && (epoch % 3 == 0 || epoch == options.epochs)) {
        ParserModel snap;
        snap.labels = model.labels;
        snap.weights = perceptron.Average(options.prune, options.min_updates);
        Parser parser(std::move(snap));
        auto s = EvaluateUd(*dev, ParseCopy(parser, *dev));
        if (s.ok()) *log << "; dev UAS " << Fmt(s->Pct(s->uas)) << " LAS " << Fmt(s->Pct(s->las));
      }
      *log << std::endl;
    }
  }
  model.weights = perceptron.Average(options.prune, options.min_updates);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ModelManifest& m = model.manifest;
  m.kind = "parser";
  m.format_version = kParserFormatVersion;
  m.Set("code_version", DATELINE_VERSION);
  m.Set("corpus", options.corpus);
  m.Set("licence", options.licence);
  m.Set("params", "arc-hybrid dynamic-oracle epochs=" + std::to_string(options.epochs) +
                      " seed=" + std::to_string(options.seed) + " explore_from=" +
                      std::to_string(options.explore_from) + " explore_p=" + Fmt(options.explore_p) +
                      " prune=" + Fmt(options.prune) +
                      " min_updates=" + std::to_string(options.min_updates) + " jackknife=" + std::to_string(options.jackknife) +
                      " tagger_epochs=" + std::to_string(options.tagger.epochs));
  m.Set("features", "words s0 s1 s2 b0 b1 b2 (form, UPOS, XPOS), leftmost/rightmost dependents of s0 s1 b0 "
                    "(form, XPOS, relation), distance, valency; pairs and triples after Zhang & Nivre 2011");
  m.Set("labels", std::to_string(num_labels));
  m.Set("weights", std::to_string(model.weights.num_weights()));
  m.Set("train_seconds", Fmt(secs));
  Parser parser(model);
  if (dev) {
    auto s = EvaluateUd(*dev, ParseCopy(parser, *dev));
    if (s.ok()) {
      m.Set("dev_uas", Fmt(s->Pct(s->uas)));
      m.Set("dev_las", Fmt(s->Pct(s->las)));
    }
  }
  const Document& src = dev ? *dev : train;
  for (size_t i = 0; i < src.sentences.size() && model.self_tests.size() < 5; ++i) {
    Sentence s = src.sentences[i];
    if (s.tokens.size() < 5) continue;
    parser.Parse(&s);
    SelfTest t;
    for (const Token& tok : s.tokens) {
      t.words.push_back(tok.text + "\t" + tok.upos + "\t" + tok.xpos);
      t.expected.push_back(std::to_string(tok.head) + "\t" + tok.deprel);
    }
    model.self_tests.push_back(std::move(t));
  }
  return model;
}

}  // namespace dateline
