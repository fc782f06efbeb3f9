import { describe, expect, it } from 'vitest';
import { HttpError, NetworkError } from '../api/http';
import { t } from '../i18n/i18n';
import { accountFailure } from './messages';
import { NotEnoughMemory } from './new-kek';
import { NoRecoveryKey, WrongRecoveryKey } from './recover';
import { NotARecoveryKey } from './recovery-words';
import { AccountExists } from './sign-up';

describe('account failure messages', () => {
  it('sends an existing email to sign-in or recovery', () => {
    expect(accountFailure(new AccountExists('x'))).toBe(t('account.accountExists'));
  });

  it("says plainly that a closed server takes no new accounts (the server's REGISTRATION_DISABLED)", () => {
    expect(accountFailure(new HttpError(403, 'REGISTRATION_DISABLED'))).toBe(t('account.registrationClosed'));
  });

  it('passes on what is wrong with typed words, and tells words of another key apart', () => {
    expect(accountFailure(new NotARecoveryKey('A recovery key has 24 words; this has 3.'))).toBe(
      'A recovery key has 24 words; this has 3.',
    );
    expect(accountFailure(new WrongRecoveryKey('x'))).toBe(t('account.wrongRecoveryKey'));
    expect(accountFailure(new NoRecoveryKey('x'))).toMatch(/no recovery key/);
  });

  it('names memory when the browser cannot derive the key', () => {
    expect(accountFailure(new NotEnoughMemory('x'))).toMatch(/memory/);
  });

  it('reads a refused code as a wrong code, and an unreachable server as the sign-in does', () => {
    expect(accountFailure(new HttpError(401, 'INVALID_CODE'))).toBe('That code is not right. Try again.');
    expect(accountFailure(new NetworkError('x'))).toBe(t('session.unreachable'));
  });
});
