import { runEnvRecording } from '/work/wt/glibc/tests/fidelity/envRuns';
const [preset, name] = process.argv[2].split('/');
const { real, sim } = runEnvRecording(preset, name);
const M = (n: number) => (n / 2 ** 20).toFixed(1);
console.log(Object.keys(sim.steps[0]));
for (let i = 0; i < sim.steps.length; i++) {
  const s = sim.steps[i] as any;
  const r = real.steps[i] as any;
  console.log(s.code.slice(0, 40).padEnd(40), 'rss', M(r.rss), M(s.rss), 'mmap', M(r.anon_mmap), M(s.anon_mmap), JSON.stringify(s.libc ?? s.jemalloc ?? s.mimalloc ?? '').slice(0, 400));
}
