import { useTranslation } from 'react-i18next';
import classes from './skip-link.module.css';

/** The first stop of the keyboard: jumps over the header and navigation. */
export function SkipLink({ target = 'main-content' }: { target?: string }) {
  const { t } = useTranslation();
  return (
    <a className={classes.skipLink} href={`#${target}`}>
      {t('nav.skipToContent')}
    </a>
  );
}
