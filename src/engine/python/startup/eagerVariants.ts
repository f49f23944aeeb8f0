import { VARIANT_CAPTURES } from './variantCaptures';
import { provideStartupVariants } from './variants';

// Imported for its effect by Node's entry points (the CLI, the corpus runner, the unit tests' set-up):
// they read the variant captures synchronously; the page's worker loads them lazily instead.
provideStartupVariants(VARIANT_CAPTURES);
