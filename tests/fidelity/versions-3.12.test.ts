import { versionFidelitySuite } from './versions';

versionFidelitySuite('3.12');
