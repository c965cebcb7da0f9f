import {
  findNonFiniteLoss,
  isLossKey,
  nonFiniteMatcher,
  stripAnsi,
} from '../../../packages/core/src/train/non-finite.js';

describe('findNonFiniteLoss', () => {
  it.each([
    // PyTorch Lightning progress bars (tqdm postfix) and its logged metrics
    [
      'Epoch 0:  45%|████▌     | 450/1000 [00:12<00:15, 36.50it/s, v_num=0, train_loss=nan]',
      'train_loss',
      'nan',
    ],
    [
      'Epoch 3: 100%|██████████| 32/32 [00:01<00:00, 25.1it/s, v_num=1, train_loss=nan.0]',
      'train_loss',
      'nan.0',
    ],
    ['Epoch 1:  10%|█         | 10/100 [00:00<00:03, loss=inf, v_num=2]', 'loss', 'inf'],
    ['Validation DataLoader 0: 100%|██████████| 8/8 [00:00<00:00] val_loss=nan', 'val_loss', 'nan'],
    // Hugging Face Trainer logs
    ["{'loss': nan, 'grad_norm': nan, 'learning_rate': 4.5e-05, 'epoch': 0.5}", 'loss', 'nan'],
    [
      "{'eval_loss': nan, 'eval_runtime': 1.23, 'eval_samples_per_second': 81.3, 'epoch': 1.0}",
      'eval_loss',
      'nan',
    ],
    ['{"train_loss": Infinity, "step": 12}', 'train_loss', 'Infinity'],
    ['{"loss": "NaN"}', 'loss', 'NaN'],
    // Keras
    ['32/32 [==============================] - 1s 2ms/step - loss: nan - accuracy: 0.1000', 'loss', 'nan'],
    [
      '125/125 ━━━━━━━━━━━━━━━━━━━━ 1s 4ms/step - accuracy: 0.9 - loss: 0.3 - val_accuracy: 0.1 - val_loss: nan',
      'val_loss',
      'nan',
    ],
    // Hand-written loops, fairseq, plain prints
    ['step 120 loss=nan lr=0.001', 'loss', 'nan'],
    ['epoch 3 | val_loss nan | acc 0.10', 'val_loss', 'nan'],
    ['| epoch 001 | loss nan | ppl nan | wps 1234', 'loss', 'nan'],
    ['Loss is NaN, stopping', 'Loss', 'NaN'],
    ['Total Loss: -inf', 'Loss', '-inf'],
    ['train/loss = +Infinity', 'train/loss', '+Infinity'],
    ["loss: tensor(nan, device='cuda:0', grad_fn=<NllLossBackward0>)", 'loss', 'nan'],
    ['valLoss: NAN', 'valLoss', 'NAN'],
    ['losses=inf', 'losses', 'inf'],
    ['iter 10: loss 1.2, iter 11: loss nan', 'loss', 'nan'],
    // Colour codes between key and value
    ['\u001b[1mloss\u001b[0m: \u001b[31mnan\u001b[0m', 'loss', 'nan'],
  ])('finds the divergence in %j', (line, key, value) => {
    expect(findNonFiniteLoss(line)).toMatchObject({ key, value });
  });

  it.each([
    'elapsed 1234 nanoseconds, loss=0.5',
    'finance_loss: 0.3',
    'no nan values found in the batch; loss=0.42',
    'no NaN found',
    'loss: 0.5 grad_norm: nan',
    'Epoch 1: val_loss improved from inf to 0.69315, saving model to best.keras',
    'Validation loss decreased (inf --> 0.693147).  Saving model ...',
    'best_loss: inf',
    'min_val_loss=inf',
    'loss_scale: inf',
    'Gradient overflow. Skipping step, loss scaler 0 reducing loss scale to 32768.0',
    'glossary: nan',
    'lossy: inf',
    'loss: nancy',
    'loss=information',
    'loss: 0.123 - infer_time: 3',
    'skip_nan_loss=True',
    'nan_loss_count: 0',
    'loss=0.0 nan',
    'Using inf as the initial patience bound',
  ])('leaves %j alone', (line) => {
    expect(findNonFiniteLoss(line)).toBeUndefined();
  });

  it('reports where the match starts in the line without colour codes', () => {
    expect(findNonFiniteLoss('step 5 loss=nan')?.index).toBe(7);
  });
});

describe('isLossKey', () => {
  it.each(['loss', 'val_loss', 'Loss', 'valLoss', 'train/loss', 'eval-loss', 'lossValue', 'losses'])(
    'takes %j',
    (key) => expect(isLossKey(key)).toBe(true),
  );
  it.each(['glossary', 'lossy', 'floss', 'GLOSS'])('refuses %j', (key) => expect(isLossKey(key)).toBe(false));
});

describe('nonFiniteMatcher', () => {
  it('is the built-in detector without a pattern', () => {
    expect(nonFiniteMatcher()).toBe(findNonFiniteLoss);
    expect(nonFiniteMatcher('')).toBe(findNonFiniteLoss);
  });

  it('uses the named groups of a custom pattern, case-insensitively', () => {
    const match = nonFiniteMatcher(String.raw`(?<key>perplexity)\s*=\s*(?<value>nan|inf)`);
    expect(match('step 3 PERPLEXITY = INF')).toEqual({ key: 'PERPLEXITY', value: 'INF', index: 7 });
    expect(match('loss=nan')).toBeUndefined();
  });

  it('falls back to the first group, then the whole match', () => {
    expect(nonFiniteMatcher('(kl)=nan')('kl=nan')).toMatchObject({ key: 'kl', value: 'kl=nan' });
    expect(nonFiniteMatcher('diverged')('run diverged')).toMatchObject({ key: 'diverged' });
  });

  it('throws a SyntaxError for a malformed pattern', () => {
    expect(() => nonFiniteMatcher('loss=(nan')).toThrow(SyntaxError);
  });
});

describe('stripAnsi', () => {
  it('removes colour and cursor codes', () => {
    expect(stripAnsi('\u001b[32mok\u001b[0m \u001b[2K\u001b[1Gdone')).toBe('ok done');
  });
});
