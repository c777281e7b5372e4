#include "ner/ner_trainer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <random>

#include "ner/iob2.h"
#include "tag/perceptron_trainer.h"

namespace dateline {
namespace {

std::string Fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.4f", v);
  return buf;
}

double DevF1(const NerTagger& tagger, const Document& dev) {
  Document sys = dev;
  for (Sentence& s : sys.sentences) tagger.Tag(&s);
  auto scores = EvaluateNer(dev, sys);
  return scores.ok() ? scores->all.F1() : 0.0;
}

}  // namespace

StatusOr<NerModel> TrainNer(const Document& train, const Document* dev, const Gazetteer* gazetteer,
                            const NerTrainOptions& options, std::ostream* log) {
  const auto t0 = std::chrono::steady_clock::now();
  NerModel model;
  model.uses_pos = options.uses_pos;
  if (gazetteer) {
    model.gazetteer = options.gazetteer_name.empty() ? "gazetteer" : options.gazetteer_name;
    model.gazetteer_fingerprint = gazetteer->fingerprint();
  }
  std::map<std::string, int> ids;
  ids["O"] = 0;
  for (const Sentence& s : train.sentences) {
    for (const Token& t : s.tokens) ids.emplace(t.ner.empty() ? "O" : t.ner, 0);
  }
  for (auto& [name, id] : ids) {
    id = static_cast<int>(model.labels.size());
    model.labels.push_back(name);
  }
  if (model.labels.size() > 64) return Status::InvalidArgument("too many NER labels");
  const int nc = static_cast<int>(model.labels.size());
  struct Item {
    std::vector<NerTokenInfo> info;
    std::vector<int> gold;
  };
  std::vector<Item> items(train.sentences.size());
  std::vector<std::string_view> words;
  std::vector<uint8_t> gaz;
  for (size_t si = 0; si < train.sentences.size(); ++si) {
    const auto& toks = train.sentences[si].tokens;
    words.clear();
    for (const Token& t : toks) words.emplace_back(t.text);
    if (gazetteer) gazetteer->Match(words, &gaz);
    for (size_t i = 0; i < toks.size(); ++i) {
      NerTokenInfo info = ComputeNerTokenInfo(toks[i].text, toks[i].xpos);
      if (gazetteer) info.gaz = gaz[i];
      items[si].info.push_back(info);
      items[si].gold.push_back(ids[toks[i].ner.empty() ? "O" : toks[i].ner]);
    }
  }
  // For each B-/I- label, the L- label that closes its entity.
  const int outside = ids["O"];
  std::vector<int> close_of(nc, outside);
  for (int c = 0; c < nc; ++c) {
    const std::string& l = model.labels[c];
    if (l[0] == 'B' || l[0] == 'I') {
      auto it = ids.find("L-" + l.substr(2));
      close_of[c] = it == ids.end() ? outside : it->second;
    }
  }
  AveragedPerceptron perceptron(static_cast<uint32_t>(nc));
  std::vector<size_t> order(items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);
  std::vector<float> scores(nc);
  std::vector<int> pred;
  FeatureBuffer<48> fb;
  auto snapshot = [&]() {
    NerModel m;
    m.labels = model.labels;
    m.uses_pos = model.uses_pos;
    m.gazetteer = model.gazetteer;
    m.gazetteer_fingerprint = model.gazetteer_fingerprint;
    m.weights = perceptron.Average(options.prune, options.min_updates);
    return m;
  };
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t si : order) {
      const Item& it = items[si];
      const int n = static_cast<int>(it.info.size());
      pred.assign(n, 0);
      for (int i = 0; i < n; ++i) {
        fb.Clear();
        const int prev = i > 0 ? pred[i - 1] : -1;
        NerFeatures(it.info.data(), n, i, prev, i > 1 ? pred[i - 2] : -1, model.uses_pos, &fb);
        std::fill(scores.begin(), scores.end(), 0.0f);
        perceptron.Score(fb.f, fb.n, scores.data());
        int best = -1;
        for (int c = 0; c < nc; ++c) {
          if (!BilouAllowed(model.labels, prev, c)) continue;
          if (best < 0 || scores[c] > scores[best]) best = c;
        }
        // When the gold label cannot follow the predicted history, learn the best reachable one instead:
        // close an open entity (L-) or stay outside (O).
        int truth = it.gold[i];
        if (!BilouAllowed(model.labels, prev, truth)) {
          truth = outside;
          if (prev >= 0 && (model.labels[prev][0] == 'B' || model.labels[prev][0] == 'I')) {
            truth = close_of[prev];
          }
        }
        perceptron.Update(fb.f, fb.n, static_cast<uint32_t>(truth), static_cast<uint32_t>(best));
        perceptron.Tick();
        pred[i] = best;
      }
    }
    if (log) {
      *log << "ner epoch " << epoch << ": features " << perceptron.num_features();
      if (dev && (epoch % 2 == 0 || epoch == options.epochs)) {
        NerTagger tagger(snapshot(), gazetteer);
        *log << "; dev F1 " << Fmt(DevF1(tagger, *dev));
      }
      *log << std::endl;
    }
  }
  NerModel final_model = snapshot();
  model.weights = std::move(final_model.weights);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ModelManifest& m = model.manifest;
  m.kind = "ner";
  m.format_version = kNerFormatVersion;
  m.Set("code_version", DATELINE_VERSION);
  m.Set("corpus", options.corpus);
  m.Set("licence", options.licence);
  m.Set("params", "epochs=" + std::to_string(options.epochs) + " seed=" + std::to_string(options.seed) +
                      " prune=" + Fmt(options.prune) + " uses_pos=" + (options.uses_pos ? "1" : "0"));
  m.Set("features", "lower form shape suf2-4 pre2-3 w-2..w+2 shape-1 shape+1 shape pairs word pairs prev labels "
                    "sentence-initial xpos context gazetteer codes");
  m.Set("gazetteer", model.gazetteer.empty() ? "none" : model.gazetteer);
  m.Set("labels", std::to_string(nc));
  m.Set("weights", std::to_string(model.weights.num_weights()));
  char secs_buf[32];
  std::snprintf(secs_buf, sizeof(secs_buf), "%.2f", secs);
  m.Set("train_seconds", secs_buf);
  NerTagger tagger(model, gazetteer);
  if (dev) m.Set("dev_f1", Fmt(DevF1(tagger, *dev)));
  const Document& src = dev ? *dev : train;
  for (size_t i = 0; i < src.sentences.size() && model.self_tests.size() < 5; ++i) {
    Sentence s = src.sentences[i];
    if (s.tokens.size() < 5) continue;
    tagger.Tag(&s);
    SelfTest t;
    for (const Token& tok : s.tokens) {
      t.words.push_back(tok.text + "\t" + tok.xpos);
      t.expected.push_back(tok.ner);
    }
    model.self_tests.push_back(std::move(t));
  }
  return model;
}

}  // namespace dateline
