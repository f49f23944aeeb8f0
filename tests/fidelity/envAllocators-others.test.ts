import { envAllocatorSuite } from './envAllocators';

envAllocatorSuite(['glibc', 'arena-max-2', 'mimalloc', 'mimalloc-decommit0', 'pymalloc-off']);
