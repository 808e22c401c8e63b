"""Training and evaluation of the theme tagger: data, fitting, cross-validation, metrics,
baselines and the architecture comparison. The served tagger (`bot.tagging`) imports nothing
from here, so the action server never loads scikit-learn's training code or the data files."""
