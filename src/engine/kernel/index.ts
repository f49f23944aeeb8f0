export * from './constants';
export * from './kernel';
export * from './mapping';
export * from './pageBits';
export * from './syscalls';
export * from './limits';
