import { simulateScript } from '/work/wt/robust/src/engine/simulate';
const r = simulateScript("a = ['x' * 10**8 for _ in range(20)]\nb = 'y' * 10**6 + 'z'\n", { memoryBudget: 64 * 2 ** 20 });
console.log(r.error);
