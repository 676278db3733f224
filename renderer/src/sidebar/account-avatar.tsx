// An account's picture (through the app's image cache, so Facebook-hosted ones show too), or its
// initials on the account's colour when it has none (or the picture cannot be loaded).
// Decorative: the account's name is always written next to it.
import { useState, type CSSProperties } from 'react';

import { accountColourHex } from '../app-contract.js';
import type { AccountView } from '../app-contract.js';
import { initials } from '../format/formatters.js';
import { useImageSource } from '../images/image-source.js';
import './account-avatar.css';

export interface AccountAvatarProps {
  readonly account: Pick<AccountView, 'label' | 'color' | 'imageUrl'>;
  readonly size?: 'small' | 'large';
}

export function AccountAvatar({ account, size = 'small' }: AccountAvatarProps) {
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const imageSource = useImageSource();
  const colour = { '--account-colour': accountColourHex[account.color] } as CSSProperties;
  const className = `avatar avatar-${size}`;
  if (account.imageUrl && failedUrl !== account.imageUrl) {
    const url = account.imageUrl;
    return (
      <img
        className={className}
        style={colour}
        src={imageSource(url)}
        alt=""
        aria-hidden="true"
        onError={() => setFailedUrl(url)}
      />
    );
  }
  return (
    <span className={className} style={colour} aria-hidden="true">
      {initials(account.label)}
    </span>
  );
}
