import { envAllocatorSuite } from './envAllocators';

envAllocatorSuite(['jemalloc', 'jemalloc-decay0', 'jemalloc-bg']);
